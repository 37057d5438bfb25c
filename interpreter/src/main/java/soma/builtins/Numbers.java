package soma.builtins;

import java.util.ArrayList;
import java.util.List;
import soma.runtime.Iteration;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.tensor.Index;
import soma.tensor.Tensor;

/** Converting Soma values (lists of numbers, ranges, sequences) to Java arrays for libraries. */
final class Numbers {
    private Numbers() {}

    static double[] vector(Object value, String what) {
        if (value instanceof Tensor t) return tensorVector(t, what);
        if (!Iteration.isIterable(value) || value instanceof String) {
            throw new SomaError(what + " must be a list of numbers, got a " + Printer.typeName(value));
        }
        int n = Iteration.size(value);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            Object item = Iteration.get(value, i);
            if (!(item instanceof Double d)) {
                throw new SomaError(
                        what + " must contain only numbers, but element " + i + " is a " + Printer.typeName(item));
            }
            out[i] = d;
        }
        return out;
    }

    private static double[] tensorVector(Tensor t, String what) {
        if (t.isComplex()) throw new SomaError(what + " is complex; plot re(z) and im(z), or abs(z)");
        if (t.rank() > 1) throw new SomaError(what + " must be a vector, got a tensor of shape " + t.shapeString());
        return t.realData().clone();
    }

    /** One series, or several: a list whose elements are themselves sequences. */
    static List<double[]> series(Object value, String what) {
        if (value instanceof Tensor t && t.rank() == 2) {
            ArrayList<double[]> rows = new ArrayList<>(t.shape()[0]);
            for (int i = 0; i < t.shape()[0]; i++)
                rows.add(tensorVector((Tensor) t.get(Index.at(i)), what + "[" + i + "]"));
            return rows;
        }
        if (value instanceof Tensor t) return List.of(tensorVector(t, what));
        if (Iteration.isIterable(value) && Iteration.size(value) > 0 && Iteration.isIterable(Iteration.get(value, 0))) {
            int n = Iteration.size(value);
            ArrayList<double[]> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(vector(Iteration.get(value, i), what + "[" + i + "]"));
            return out;
        }
        return List.of(vector(value, what));
    }

    static double[][] matrix(Object value, String what) {
        List<double[]> rows = series(value, what);
        return rows.toArray(new double[0][]);
    }
}
