package soma.autodiff;

import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.runtime.SomaFunction;
import soma.runtime.TensorHooks;
import soma.tensor.Index;
import soma.tensor.Tensor;
import soma.tensor.TensorFields;

/**
 * Reverse-mode differentiation of Soma functions: the function runs once on a tracked copy of
 * its first argument, recording its tensor operations; one backward sweep then gives the
 * gradient of its scalar result. A Jacobian takes one sweep per output element.
 */
public final class Gradients {
    private Gradients() {}

    public record ValueAndGrad(double value, Tensor gradient) {}

    public static ValueAndGrad valueAndGrad(SomaFunction f, Tensor x, Object[] rest) {
        Tape tape = new Tape();
        Tracked leaf = new Tracked(x, tape, null);
        Object out = call(f, leaf, rest);
        if (out instanceof Double d) return new ValueAndGrad(d, Tensor.zeros(x.shape())); // does not depend on x
        if (!(out instanceof Tracked t) || t.value.size() != 1 || t.value.isComplex()) {
            throw new SomaError("grad: the function must return a real number, got " + describe(out));
        }
        tape.backward(t);
        Tensor g = leaf.grad == null ? Tensor.zeros(x.shape()) : leaf.grad;
        return new ValueAndGrad(t.value.realData()[0], g);
    }

    /** d f_i / d x_j for a function returning a vector (or a number). */
    public static Tensor jacobian(SomaFunction f, Tensor x, Object[] rest) {
        Tensor probe = plain(call(f, new Tracked(x, new Tape(), null), rest));
        int m = probe.size();
        double[] rows = new double[m * x.size()];
        for (int i = 0; i < m; i++) {
            Tape tape = new Tape();
            Tracked leaf = new Tracked(x, tape, null);
            Object out = call(f, leaf, rest);
            if (!(out instanceof Tracked t)) continue; // constant: zero row
            Tracked component = m == 1 && t.value.rank() == 0 ? t : (Tracked) Ops.index(t, new Index[] {Index.at(i)});
            if (t.value.rank() > 1)
                throw new SomaError(
                        "jacobian: the function must return a number or a vector, got shape " + t.value.shapeString());
            tape.backward(component);
            if (leaf.grad != null) System.arraycopy(leaf.grad.realData(), 0, rows, i * x.size(), x.size());
        }
        int[] shape = probe.rank() == 0 ? new int[] {1, x.size()} : new int[] {m, x.size()};
        return new Tensor(shape, rows);
    }

    /** f's value at x without recording (for line searches and reports). */
    public static Tensor value(SomaFunction f, Tensor x, Object[] rest) {
        return plain(call(f, x, rest));
    }

    private static Object call(SomaFunction f, Object x, Object[] rest) {
        Object[] args = new Object[rest.length + 1];
        args[0] = x instanceof Tensor t && t.rank() == 0 && !(x instanceof Tracked) ? TensorFields.unwrap(t) : x;
        System.arraycopy(rest, 0, args, 1, rest.length);
        return f.call(args);
    }

    private static Tensor plain(Object o) {
        if (o instanceof Tracked t) return t.value;
        return TensorHooks.toTensor(o, "the function's result");
    }

    private static String describe(Object o) {
        return o instanceof Tracked t ? "a tensor of shape " + t.value.shapeString() : "a " + Printer.typeName(o);
    }
}
