package soma.plot;

import java.util.List;

/**
 * Argument checks and the NaN/Inf policy shared by the charts and the text previews.
 *
 * <p>Policy: a point is drawn only if its coordinates are finite and, on a log axis, positive.
 * Anything else is skipped and counted, never an exception, because simulations routinely produce
 * a few diverging values and a plot of the rest is still useful. Missing or empty input, on the
 * other hand, is always a caller mistake and fails loudly.
 */
final class Data {
    private Data() {}

    static void nonEmpty(double[] a, String what) {
        if (a == null) {
            throw new IllegalArgumentException(what + " is missing (null)");
        }
        if (a.length == 0) {
            throw new IllegalArgumentException(what + " is empty: nothing to plot");
        }
    }

    static <T> void nonEmpty(List<T> list, String what) {
        if (list == null) {
            throw new IllegalArgumentException(what + " is missing (null)");
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty: nothing to plot");
        }
    }

    /** True if {@code v} can be placed on an axis that is logarithmic when {@code log} is set. */
    static boolean usable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    static void sameLength(double[] a, double[] b, String what) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(what + ": x has " + a.length + " values but y has " + b.length);
        }
    }

    /** Rejects ragged or empty matrices, which would otherwise fail later with an index error. */
    static int[] shape(double[][] m, String what) {
        if (m == null) {
            throw new IllegalArgumentException(what + " is missing (null)");
        }
        if (m.length == 0 || m[0] == null || m[0].length == 0) {
            throw new IllegalArgumentException(what + " is empty: nothing to plot");
        }
        int cols = m[0].length;
        for (int i = 0; i < m.length; i++) {
            if (m[i] == null || m[i].length != cols) {
                throw new IllegalArgumentException(what + " must be rectangular: row 0 has " + cols + " values, row "
                        + i + " has " + (m[i] == null ? "none" : m[i].length));
            }
        }
        return new int[] {m.length, cols};
    }

    /** Smallest and largest usable value, or null if there is none. */
    static double[] range(double[] a, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            if (usable(v, log)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    /** Line input: a shared x and at least one y series of the same length. */
    static void checkLine(double[] x, List<double[]> ys) {
        nonEmpty(x, "x");
        nonEmpty(ys, "y series list");
        for (int k = 0; k < ys.size(); k++) {
            nonEmpty(ys.get(k), "y series " + k);
            sameLength(x, ys.get(k), "y series " + k);
        }
    }

    /** Scatter input: matching lists of x and y arrays, pairwise of equal length. */
    static void checkScatter(List<double[]> xs, List<double[]> ys) {
        nonEmpty(xs, "x list");
        nonEmpty(ys, "y list");
        if (xs.size() != ys.size()) {
            throw new IllegalArgumentException(
                    "scatter needs one x array per y array, got " + xs.size() + " and " + ys.size());
        }
        for (int k = 0; k < xs.size(); k++) {
            nonEmpty(xs.get(k), "x of point set " + k);
            nonEmpty(ys.get(k), "y of point set " + k);
            sameLength(xs.get(k), ys.get(k), "point set " + k);
        }
    }
}
