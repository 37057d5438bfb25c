package soma.nodes.variables;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import soma.SomaContext;
import soma.SomaLanguage;
import soma.nodes.ExprNode;
import soma.runtime.Cell;
import soma.runtime.SomaException;

/**
 * Reads a top-level name. While the language serves one context the cell is looked up once and
 * kept, and only its value is loaded; once an engine shares this AST between contexts, each
 * context's own cell is looked up on every read (a cached cell would be the first context's).
 */
public final class ReadGlobalNode extends ExprNode {
    private final String name;

    @CompilationFinal
    private Cell cell;

    public ReadGlobalNode(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Cell c;
        if (SomaLanguage.get(this).isSingleContext()) {
            c = cell;
            if (c == null) {
                CompilerDirectives.transferToInterpreterAndInvalidate();
                c = lookup();
                if (c == null || c.value == null) throw unknown();
                cell = c;
            }
        } else {
            c = lookup();
            if (c == null) throw unknown();
        }
        Object v = c.value;
        if (v == null) {
            CompilerDirectives.transferToInterpreter();
            throw unknown();
        }
        return v;
    }

    @TruffleBoundary
    private Cell lookup() {
        return SomaContext.get(this).globals().lookup(name);
    }

    private SomaException unknown() {
        return new SomaException("unknown name '" + name + "'", this);
    }
}
