package soma.tensor;

/**
 * Reductions over all elements (result is a rank-0 tensor) or along one axis (negative axes
 * count from the end; {@code keepdims} keeps the reduced axis with length 1, as numpy).
 *
 * <p>Every reduction is phrased as a function of one "lane": the elements along the reduced
 * axis, found at {@code base + k*stride}. Reducing over everything is the same code with one
 * lane covering the whole array. Sums use pairwise summation (like numpy) so that the rounding
 * error grows with log n rather than n.
 */
public final class Reduce {
    private Reduce() {}

    /** A reduction of the n values d[base], d[base+stride], ... */
    private interface Lane {
        double apply(double[] d, int base, int stride, int n);
    }

    // ------------------------------------------------------------------ public API

    public static Tensor sum(Tensor t) {
        return t.im == null
                ? scalar(pairwise(t.re, 0, 1, t.size()))
                : Tensor.complexScalar(pairwise(t.re, 0, 1, t.size()), pairwise(t.im, 0, 1, t.size()));
    }

    public static Tensor sum(Tensor t, int axis, boolean keepdims) {
        return complexAware(t, axis, keepdims, Reduce::pairwise);
    }

    public static Tensor mean(Tensor t) {
        return sum(t).div(t.size() == 0 ? Double.NaN : t.size()); // mean of nothing is nan, as numpy
    }

    public static Tensor mean(Tensor t, int axis, boolean keepdims) {
        return complexAware(t, axis, keepdims, (d, b, s, m) -> pairwise(d, b, s, m) / m);
    }

    /** Population variance by default (ddof = 0); always real, |x - mean|^2 for complex input. */
    public static Tensor var(Tensor t, int ddof) {
        return scalar(variance(t.re, t.im, 0, 1, t.size(), ddof));
    }

    public static Tensor var(Tensor t, int axis, int ddof, boolean keepdims) {
        return along(t, axis, keepdims, (re, im, b, s, n) -> variance(re, im, b, s, n, ddof));
    }

    public static Tensor std(Tensor t, int ddof) {
        return scalar(Math.sqrt(variance(t.re, t.im, 0, 1, t.size(), ddof)));
    }

    public static Tensor std(Tensor t, int axis, int ddof, boolean keepdims) {
        return along(t, axis, keepdims, (re, im, b, s, n) -> Math.sqrt(variance(re, im, b, s, n, ddof)));
    }

    public static Tensor min(Tensor t) {
        return scalar(extreme(realOnly(t, "min").re, 0, 1, t.size(), false, "min"));
    }

    public static Tensor min(Tensor t, int axis, boolean keepdims) {
        return realLane(realOnly(t, "min"), axis, keepdims, (d, b, s, n) -> extreme(d, b, s, n, false, "min"))
                .withBool(t.isBool);
    }

    public static Tensor max(Tensor t) {
        return scalar(extreme(realOnly(t, "max").re, 0, 1, t.size(), true, "max"));
    }

    public static Tensor max(Tensor t, int axis, boolean keepdims) {
        return realLane(realOnly(t, "max"), axis, keepdims, (d, b, s, n) -> extreme(d, b, s, n, true, "max"))
                .withBool(t.isBool);
    }

    /** Flat (row-major) index of the first minimum; a NaN counts as the minimum, as numpy. */
    public static Tensor argmin(Tensor t) {
        return scalar(argExtreme(realOnly(t, "argmin").re, 0, 1, t.size(), false, "argmin"));
    }

    public static Tensor argmin(Tensor t, int axis) {
        return realLane(realOnly(t, "argmin"), axis, false, (d, b, s, n) -> argExtreme(d, b, s, n, false, "argmin"));
    }

    public static Tensor argmax(Tensor t) {
        return scalar(argExtreme(realOnly(t, "argmax").re, 0, 1, t.size(), true, "argmax"));
    }

    public static Tensor argmax(Tensor t, int axis) {
        return realLane(realOnly(t, "argmax"), axis, false, (d, b, s, n) -> argExtreme(d, b, s, n, true, "argmax"));
    }

    public static Tensor prod(Tensor t) {
        return prodLane(t, 0, 1, t.size());
    }

    public static Tensor prod(Tensor t, int axis, boolean keepdims) {
        if (t.im == null) return realLane(t, axis, keepdims, Reduce::product);
        // complex: reduce real and imaginary parts jointly, lane by lane
        Tensor re = along(t, axis, keepdims, (r, i, b, s, n) -> prodLane(t, b, s, n).re[0]);
        Tensor im = along(t, axis, keepdims, (r, i, b, s, n) -> prodLane(t, b, s, n).im[0]);
        return new Tensor(re.shape, re.re, im.re, false);
    }

    public static Tensor any(Tensor t) {
        return Tensor.bool(anyLane(truthy(t).re, 0, 1, t.size()) != 0);
    }

    public static Tensor any(Tensor t, int axis, boolean keepdims) {
        return realLane(truthy(t), axis, keepdims, Reduce::anyLane).withBool(true);
    }

    public static Tensor all(Tensor t) {
        return Tensor.bool(allLane(truthy(t).re, 0, 1, t.size()) != 0);
    }

    public static Tensor all(Tensor t, int axis, boolean keepdims) {
        return realLane(truthy(t), axis, keepdims, Reduce::allLane).withBool(true);
    }

    /** Running sum of the flattened tensor (1-D result), as numpy cumsum without an axis. */
    public static Tensor cumsum(Tensor t) {
        return cumsum(t.reshape(t.size()), 0);
    }

    /** Running sum along an axis; same shape as the input. */
    public static Tensor cumsum(Tensor t, int axis) {
        int ax = Shape.axis(axis, t.rank());
        int outer = Shape.prod(t.shape, 0, ax), n = t.shape[ax], inner = Shape.prod(t.shape, ax + 1, t.rank());
        double[] re = running(t.re, outer, n, inner);
        double[] im = t.im == null ? null : running(t.im, outer, n, inner);
        return new Tensor(t.shape, re, im, false);
    }

    /** Euclidean (Frobenius) norm of all elements, scaled to avoid overflow/underflow. */
    public static double norm(Tensor t) {
        return scaledNorm(t.re, t.im, 0, 1, t.size());
    }

    /** Euclidean norm of each lane along an axis. */
    public static Tensor norm(Tensor t, int axis, boolean keepdims) {
        return along(t, axis, keepdims, Reduce::scaledNorm);
    }

    // ------------------------------------------------------------------ lane kernels

    static double pairwise(double[] d, int base, int stride, int n) {
        if (n <= 128) {
            double s = 0;
            for (int k = 0, i = base; k < n; k++, i += stride) s += d[i];
            return s;
        }
        int half = n / 2;
        return pairwise(d, base, stride, half) + pairwise(d, base + half * stride, stride, n - half);
    }

    private static double variance(double[] re, double[] im, int base, int stride, int n, int ddof) {
        if (n - ddof <= 0) return Double.NaN; // numpy warns and returns nan/inf; nan is the honest answer
        double mr = pairwise(re, base, stride, n) / n;
        double mi = im == null ? 0 : pairwise(im, base, stride, n) / n;
        double s = 0;
        for (int k = 0, i = base; k < n; k++, i += stride) {
            double dr = re[i] - mr;
            s += dr * dr;
            if (im != null) {
                double di = im[i] - mi;
                s += di * di;
            }
        }
        return s / (n - ddof);
    }

    private static double extreme(double[] d, int base, int stride, int n, boolean max, String name) {
        if (n == 0) throw new TensorException(name + " of an empty tensor");
        double best = d[base];
        for (int k = 1, i = base + stride; k < n; k++, i += stride) {
            double v = d[i];
            if (v != v) return v; // NaN propagates
            if (max ? v > best : v < best) best = v;
        }
        return best;
    }

    private static double argExtreme(double[] d, int base, int stride, int n, boolean max, String name) {
        if (n == 0) throw new TensorException(name + " of an empty tensor");
        int best = 0;
        double bv = d[base];
        if (bv != bv) return 0;
        for (int k = 1, i = base + stride; k < n; k++, i += stride) {
            double v = d[i];
            if (v != v) return k;
            if (max ? v > bv : v < bv) {
                bv = v;
                best = k;
            }
        }
        return best;
    }

    private static double product(double[] d, int base, int stride, int n) {
        double p = 1;
        for (int k = 0, i = base; k < n; k++, i += stride) p *= d[i];
        return p;
    }

    private static Tensor prodLane(Tensor t, int base, int stride, int n) {
        if (t.im == null) return scalar(product(t.re, base, stride, n));
        double pr = 1, pi = 0;
        for (int k = 0, i = base; k < n; k++, i += stride) {
            double a = t.re[i], b = t.im[i];
            double r = pr * a - pi * b;
            pi = pr * b + pi * a;
            pr = r;
        }
        return Tensor.complexScalar(pr, pi);
    }

    private static double anyLane(double[] d, int base, int stride, int n) {
        for (int k = 0, i = base; k < n; k++, i += stride) if (d[i] != 0) return 1;
        return 0;
    }

    private static double allLane(double[] d, int base, int stride, int n) {
        for (int k = 0, i = base; k < n; k++, i += stride) if (d[i] == 0) return 0;
        return 1;
    }

    private static double scaledNorm(double[] re, double[] im, int base, int stride, int n) {
        double scale = 0;
        for (int k = 0, i = base; k < n; k++, i += stride) {
            scale = Math.max(scale, Math.abs(re[i]));
            if (im != null) scale = Math.max(scale, Math.abs(im[i]));
        }
        if (scale == 0 || Double.isInfinite(scale) || Double.isNaN(scale)) return scale;
        double s = 0;
        for (int k = 0, i = base; k < n; k++, i += stride) {
            double a = re[i] / scale;
            s += a * a;
            if (im != null) {
                double b = im[i] / scale;
                s += b * b;
            }
        }
        return scale * Math.sqrt(s);
    }

    private static double[] running(double[] d, int outer, int n, int inner) {
        double[] out = new double[d.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                double s = 0;
                for (int k = 0, idx = o * n * inner + i; k < n; k++, idx += inner) {
                    s += d[idx];
                    out[idx] = s;
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ lane plumbing

    /** A lane function that may look at both parts of a complex tensor. */
    private interface ComplexLane {
        double apply(double[] re, double[] im, int base, int stride, int n);
    }

    private static Tensor realLane(Tensor t, int axis, boolean keepdims, Lane f) {
        return along(t, axis, keepdims, (re, im, b, s, n) -> f.apply(re, b, s, n));
    }

    /** Sum-like reductions are linear, so a complex tensor reduces its two parts independently. */
    private static Tensor complexAware(Tensor t, int axis, boolean keepdims, Lane f) {
        Tensor re = realLane(new Tensor(t.shape, t.re), axis, keepdims, f);
        if (t.im == null) return re;
        Tensor im = realLane(new Tensor(t.shape, t.im), axis, keepdims, f);
        return new Tensor(re.shape, re.re, im.re, false);
    }

    private static Tensor along(Tensor t, int axis, boolean keepdims, ComplexLane f) {
        int r = t.rank();
        int ax = Shape.axis(axis, r);
        int outer = Shape.prod(t.shape, 0, ax), n = t.shape[ax], inner = Shape.prod(t.shape, ax + 1, r);
        int[] shape = keepdims ? t.shape.clone() : Shape.without(t.shape, ax);
        if (keepdims) shape[ax] = 1;
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                out[o * inner + i] = f.apply(t.re, t.im, o * n * inner + i, inner, n);
            }
        }
        return new Tensor(shape, out);
    }

    private static Tensor realOnly(Tensor t, String name) {
        if (t.im != null) throw new TensorException(name + " is not defined for complex tensors");
        return t;
    }

    /** 0/1 view of "is this element non-zero", counting complex numbers with any non-zero part. */
    private static Tensor truthy(Tensor t) {
        if (t.im == null) return t;
        double[] d = new double[t.size()];
        for (int i = 0; i < d.length; i++) d[i] = t.re[i] != 0 || t.im[i] != 0 ? 1 : 0;
        return new Tensor(t.shape, d);
    }

    private static Tensor scalar(double v) {
        return Tensor.scalar(v);
    }
}
