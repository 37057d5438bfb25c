package soma.nodes.calls;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import soma.nodes.Evaluation;
import soma.nodes.ExprNode;
import soma.runtime.Printer;
import soma.runtime.SomaException;
import soma.runtime.SomaFunction;

/** {@code f(a, b, name: c)}. */
public final class CallNode extends ExprNode {
    @Child
    private ExprNode callee;

    @Children
    private final ExprNode[] arguments;

    @CompilationFinal(dimensions = 1)
    private final String[] names;

    @Child
    private Invoker invoker = new Invoker();

    /** @param names the argument names, or null when every argument is positional */
    public CallNode(ExprNode callee, ExprNode[] arguments, String[] names) {
        this.callee = callee;
        this.arguments = arguments;
        this.names = names;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        Object f = callee.executeGeneric(frame);
        Object[] values = Evaluation.all(arguments, frame);
        if (!(f instanceof SomaFunction fn)) {
            CompilerDirectives.transferToInterpreter();
            throw new SomaException("cannot call a " + Printer.typeName(f) + " (only functions can be called)", callee);
        }
        return invoker.invoke(fn, values, names, this);
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        return tag == StandardTags.CallTag.class || super.hasTag(tag);
    }
}
