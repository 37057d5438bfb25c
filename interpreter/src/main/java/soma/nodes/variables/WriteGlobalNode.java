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
 * Defines ({@code let}, {@code fn}) or assigns ({@code =}) a top-level name. The cell is cached
 * only while the language serves one context (see {@link ReadGlobalNode}).
 */
public final class WriteGlobalNode extends ExprNode {
    private final String name;
    private final boolean define;

    @Child
    private ExprNode value;

    @CompilationFinal
    private Cell cell;

    public WriteGlobalNode(String name, boolean define, ExprNode value) {
        this.name = name;
        this.define = define;
        this.value = value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object v = value.executeGeneric(frame);
        Cell c;
        if (SomaLanguage.get(this).isSingleContext()) {
            c = cell;
            if (c == null) {
                CompilerDirectives.transferToInterpreterAndInvalidate();
                c = define();
                cell = c;
            }
        } else {
            c = define();
        }
        if (!define && c.value == null) {
            CompilerDirectives.transferToInterpreter();
            throw new SomaException("assignment to undeclared name '" + name + "' (declare it with let)", this);
        }
        c.value = v;
        return v;
    }

    @TruffleBoundary
    private Cell define() {
        return SomaContext.get(this).globals().define(name);
    }
}
