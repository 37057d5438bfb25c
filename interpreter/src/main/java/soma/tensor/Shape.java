package soma.tensor;

import java.util.Arrays;

/**
 * Static helpers for shapes (int arrays, row-major). Kept separate from {@link Tensor} so the
 * broadcasting and axis rules live in one place and can be tested on their own.
 */
public final class Shape {
    private Shape() {}

    /** Number of elements; throws if the product does not fit an int (arrays are int-indexed). */
    public static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new TensorException("negative dimension " + d + " in shape " + toString(shape));
            n *= d;
            if (n > Integer.MAX_VALUE - 8) throw new TensorException("tensor too large: shape " + toString(shape));
        }
        return (int) n;
    }

    /**
     * A new array for a tensor of this shape, after checking that the heap can hold it: a shape
     * too big for memory is a Soma error saying how much it needs, not an OutOfMemoryError.
     */
    public static double[] allocate(int[] shape) {
        int n = size(shape);
        String shortfall = MemoryBudget.shortfall(8.0 * n);
        if (shortfall != null) throw new TensorException("a tensor of shape " + toString(shape) + " " + shortfall);
        return new double[n];
    }

    /** Row-major strides in elements. */
    public static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** numpy-style "(3, 2)", "(4,)" for rank 1 and "()" for rank 0. */
    public static String toString(int[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /**
     * numpy broadcasting: align shapes on the right; each pair of dimensions must be equal or
     * one of them 1. The result takes the larger of each pair.
     */
    public static int[] broadcast(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da == db || db == 1) out[i] = da;
            else if (da == 1) out[i] = db;
            else throw new TensorException("shape mismatch: cannot broadcast " + toString(a) + " with " + toString(b));
        }
        return out;
    }

    /**
     * Strides for reading a tensor of shape {@code from} as if it had the (broadcast) shape
     * {@code to}: broadcast dimensions get stride 0, so the same element is re-read.
     */
    public static int[] broadcastStrides(int[] from, int[] to) {
        int[] own = strides(from);
        int[] s = new int[to.length];
        int off = to.length - from.length;
        for (int i = 0; i < from.length; i++) {
            s[i + off] = from[i] == 1 && to[i + off] != 1 ? 0 : own[i];
        }
        return s;
    }

    /** Resolve a possibly negative axis against a rank, with a clear error otherwise. */
    public static int axis(int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new TensorException("axis " + axis + " is out of bounds for tensor of rank " + rank);
        }
        return a;
    }

    public static boolean same(int[] a, int[] b) {
        return Arrays.equals(a, b);
    }

    /** Shape with one axis removed (used by reductions). */
    public static int[] without(int[] shape, int axis) {
        int[] out = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) if (i != axis) out[j++] = shape[i];
        return out;
    }

    /** Product of dims [from, to). */
    public static int prod(int[] shape, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) p *= shape[i];
        return p;
    }
}
