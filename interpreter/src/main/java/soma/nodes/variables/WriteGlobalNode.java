package soma.nodes.variables;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import soma.SomaContext;
import soma.nodes.ExprNode;
import soma.runtime.Cell;
import soma.runtime.SomaException;

/** Defines ({@code let}, {@code fn}) or assigns ({@code =}) a top-level name. */
public final class WriteGlobalNode extends ExprNode {
    private final String name;
    private final boolean define;
    @Child private ExprNode value;
    @CompilationFinal private Cell cell;

    public WriteGlobalNode(String name, boolean define, ExprNode value) {
        this.name = name;
        this.define = define;
        this.value = value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object v = value.executeGeneric(frame);
        Cell c = cell;
        if (c == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            c = SomaContext.get(this).globals().define(name);
            cell = c;
        }
        if (!define && c.value == null) {
            CompilerDirectives.transferToInterpreter();
            throw new SomaException("assignment to undeclared name '" + name + "' (declare it with let)", this);
        }
        c.value = v;
        return v;
    }
}
