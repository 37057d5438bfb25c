package soma.tensor;

import java.util.Arrays;
import java.util.Comparator;

/** Sorting a vector: ascending; complex values by real part, then imaginary part (numpy's order). */
public final class Sorting {
    private Sorting() {}

    public static Tensor sort(Tensor t) {
        if (t.rank() != 1) throw new TensorException("sort: expected a vector, got shape " + t.shapeString());
        int n = t.size();
        if (t.im == null) {
            double[] d = t.re.clone();
            Arrays.sort(d);
            return new Tensor(t.shape, d, null, t.isBool);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> t.re[i]).thenComparingDouble(i -> t.im[i]));
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = t.re[order[i]];
            im[i] = t.im[order[i]];
        }
        return new Tensor(t.shape, re, im, false);
    }
}
