package soma.nodes.calls;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import soma.SomaContext;
import soma.nodes.Evaluation;
import soma.nodes.ExprNode;
import soma.runtime.Cell;
import soma.runtime.Fields;
import soma.runtime.Printer;
import soma.runtime.SomaException;
import soma.runtime.SomaFunction;

/**
 * {@code x.f(args)}: if x has a field f holding a function (records, results of epi, ...), that
 * function is called with args; otherwise the function named f is called with x first, so
 * {@code W.transpose()} is {@code transpose(W)} and {@code xs.map(g)} is {@code map(xs, g)}.
 */
public final class MethodCallNode extends ExprNode {
    @Child
    private ExprNode receiver;

    private final String method;

    @Children
    private final ExprNode[] arguments;

    @CompilationFinal(dimensions = 1)
    private final String[] names;

    @Child
    private Invoker invoker = new Invoker();

    public MethodCallNode(ExprNode receiver, String method, ExprNode[] arguments, String[] names) {
        this.receiver = receiver;
        this.method = method;
        this.arguments = arguments;
        this.names = names;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        Object self = receiver.executeGeneric(frame);
        Object[] values = Evaluation.all(arguments, frame);
        Object own = Fields.lookup(self, method);
        if (own instanceof SomaFunction fn) {
            return invoker.invoke(fn, values, names, this);
        }
        SomaFunction fn = global();
        if (fn == null) {
            CompilerDirectives.transferToInterpreter();
            throw new SomaException("a " + Printer.typeName(self) + " has no method '" + method + "'", this);
        }
        return invoker.invoke(fn, prepend(self, values), prependName(names), this);
    }

    @TruffleBoundary
    private SomaFunction global() {
        Cell c = SomaContext.get(this).globals().lookup(method);
        return c != null && c.value instanceof SomaFunction f ? f : null;
    }

    private static Object[] prepend(Object self, Object[] values) {
        Object[] all = new Object[values.length + 1];
        all[0] = self;
        System.arraycopy(values, 0, all, 1, values.length);
        return all;
    }

    private static String[] prependName(String[] names) {
        if (names == null) return null;
        String[] all = new String[names.length + 1];
        System.arraycopy(names, 0, all, 1, names.length);
        return all;
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        return tag == StandardTags.CallTag.class || super.hasTag(tag);
    }
}
