package soma.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import java.util.function.DoubleUnaryOperator;
import soma.SomaLanguage;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.runtime.TensorHooks;

/**
 * A one-argument elementwise math function. On a number it runs inline in compiled code (the
 * operator is a constant, so Graal inlines e.g. Math.tanh into the caller's loop); on a tensor
 * it maps over the elements.
 */
final class MathRootNode extends RootNode {
    private final String name;
    private final DoubleUnaryOperator op;

    MathRootNode(SomaLanguage language, String name, DoubleUnaryOperator op) {
        super(language);
        this.name = name;
        this.op = op;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object x = frame.getArguments()[1];
        if (x instanceof Double d) return op.applyAsDouble(d);
        return slow(x);
    }

    @TruffleBoundary
    private Object slow(Object x) {
        if (TensorHooks.handles(x)) return TensorHooks.map(name, op, x);
        throw new SomaError(name + ": expected a number or tensor, got a " + Printer.typeName(x));
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
