package soma.builtins;

import java.util.List;
import soma.runtime.Iteration;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.runtime.SomaList;

/** Shape arguments: {@code zeros(3, 4)}, {@code zeros([3, 4])} and {@code zeros(W.shape)} all mean (3, 4). */
final class Shapes {
    private Shapes() {}

    /** The dimensions given as the varargs list {@code parameter}. */
    static int[] of(Args a, String parameter, String fn) {
        List<Object> parts = a.list(parameter).items;
        if (parts.size() == 1 && Iteration.isIterable(parts.get(0))) return dims(parts.get(0), fn);
        return dims(new SomaList(parts), fn);
    }

    static int[] dims(Object value, String fn) {
        if (value instanceof Double d) return new int[] {dim(d, fn)};
        if (!Iteration.isIterable(value))
            throw new SomaError(fn + ": a shape is a list of whole numbers, got a " + Printer.typeName(value));
        int n = Iteration.size(value);
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            Object d = Iteration.get(value, k);
            if (!(d instanceof Double x))
                throw new SomaError(fn + ": a shape is a list of whole numbers, got a " + Printer.typeName(d));
            out[k] = dim(x, fn);
        }
        return out;
    }

    private static int dim(double d, String fn) {
        if (d != Math.rint(d) || d < -1 || d > Integer.MAX_VALUE) {
            throw new SomaError(fn + ": dimensions must be non-negative whole numbers, got " + Printer.number(d));
        }
        return (int) d;
    }
}
