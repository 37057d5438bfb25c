package soma.nodes.variables;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import soma.SomaContext;
import soma.nodes.ExprNode;
import soma.runtime.Cell;
import soma.runtime.SomaException;

/** Reads a top-level name. The cell is looked up once and kept; only its value is loaded. */
public final class ReadGlobalNode extends ExprNode {
    private final String name;
    @CompilationFinal private Cell cell;

    public ReadGlobalNode(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Cell c = cell;
        if (c == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            c = SomaContext.get(this).globals().lookup(name);
            if (c == null || c.value == null) throw unknown();
            cell = c;
        }
        Object v = c.value;
        if (v == null) {
            CompilerDirectives.transferToInterpreter();
            throw unknown();
        }
        return v;
    }

    private SomaException unknown() {
        return new SomaException("unknown name '" + name + "'", this);
    }
}
