package soma.flow;

import java.util.Arrays;

/**
 * A monotone rational-quadratic spline on [-B, B] (Gregory and Delbourgo 1982, as used by Durkan
 * et al. 2019, "Neural Spline Flows"), the identity outside: the linear tails of the paper, so
 * the map is a bijection of the whole line and its slope is continuous at +-B.
 *
 * <p>The spline is built from 3K - 1 unconstrained numbers: K widths and K heights (softmax, each
 * bin at least {@link #MIN_BIN} of the interval so no bin collapses), then the K - 1 derivatives
 * at the interior knots (softplus, at least {@link #MIN_DERIVATIVE}); the derivatives at the
 * ends are 1 to match the tails. All zeros give equal bins and unit slopes: exactly the identity.
 *
 * <p>One instance holds the knots of one spline at a time ({@link #set}) and is reused for every
 * coordinate and point of a batch, so the per-point loops allocate nothing. Not thread-safe.
 */
final class RationalQuadratic {
    static final double MIN_BIN = 1e-3, MIN_DERIVATIVE = 1e-3;
    /** softplus(0 + SHIFT) + MIN_DERIVATIVE = 1: a raw derivative of 0 is unit slope. */
    private static final double SHIFT = Math.log(Math.expm1(1 - MIN_DERIVATIVE));

    final int bins;
    final double bound;
    /** Softmax fractions, bin widths and heights, knots (bins + 1). */
    private final double[] pw, ph, w, h, xs, ys;
    /** The raw numbers of the current spline; knot derivatives are read from them when a point needs them. */
    private double[] raw;

    private int rawAt;
    /** log g'(x) at the point of the last {@link #forward} or {@link #inverse}. */
    double logDet;

    RationalQuadratic(int bins, double bound) {
        this.bins = bins;
        this.bound = bound;
        pw = new double[bins];
        ph = new double[bins];
        w = new double[bins];
        h = new double[bins];
        xs = new double[bins + 1];
        ys = new double[bins + 1];
    }

    /** How many unconstrained numbers one spline takes. */
    static int rawCount(int bins) {
        return 3 * bins - 1;
    }

    /**
     * Knots from raw[off .. off + 3K - 1): widths, heights, interior derivatives. The derivatives
     * stay raw until a point needs the two at its bin's ends (they are most of the exp and log
     * calls otherwise), so raw must not change while this spline is in use.
     */
    void set(double[] raw, int off) {
        this.raw = raw;
        rawAt = off;
        int k = bins;
        softmax(raw, off, pw);
        softmax(raw, off + k, ph);
        double span = 2 * bound, scale = 1 - MIN_BIN * k;
        xs[0] = -bound;
        ys[0] = -bound;
        for (int b = 0; b < k; b++) {
            w[b] = span * (MIN_BIN + scale * pw[b]);
            h[b] = span * (MIN_BIN + scale * ph[b]);
            xs[b + 1] = xs[b] + w[b];
            ys[b + 1] = ys[b] + h[b];
        }
        xs[k] = bound; // exact ends, so the tails join where they should despite rounding in the sums
        ys[k] = bound;
    }

    /** The derivative at knot b: 1 at the ends (the tails' slope), else softplus of its raw number, at least MIN_DERIVATIVE. */
    private double derivative(int b) {
        return b == 0 || b == bins ? 1 : MIN_DERIVATIVE + Layer.softplus(raw[rawAt + 2 * bins + b - 1] + SHIFT);
    }

    /** d derivative(b) / d raw, for an interior knot. */
    private double derivativeSlope(int b) {
        return Layer.sigmoid(raw[rawAt + 2 * bins + b - 1] + SHIFT);
    }

    private static void softmax(double[] raw, int off, double[] p) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (int i = 0; i < p.length; i++) max = Math.max(max, raw[off + i]);
        for (int i = 0; i < p.length; i++) sum += p[i] = Math.exp(raw[off + i] - max);
        for (int i = 0; i < p.length; i++) p[i] /= sum;
    }

    /** The bin whose knots bracket v (knots x or y); linear, as K is small. */
    private int bin(double[] knots, double v) {
        int b = 0;
        while (b < bins - 1 && v >= knots[b + 1]) b++;
        return b;
    }

    private boolean inside(double v) {
        return v > -bound && v < bound; // false for NaN too: it passes through
    }

    /** g(x); sets {@link #logDet} to log g'(x). */
    double forward(double x) {
        if (!inside(x)) {
            logDet = 0;
            return x;
        }
        int b = bin(xs, x);
        double xi = (x - xs[b]) / w[b], d0 = derivative(b), d1 = derivative(b + 1);
        logDet = logSlope(b, xi, d0, d1);
        double s = h[b] / w[b], t = xi * (1 - xi);
        return ys[b] + h[b] * (s * xi * xi + d0 * t) / (s + (d0 + d1 - 2 * s) * t);
    }

    /** g^-1(y), the root in [0, 1] of the quadratic the paper gives for each bin; sets {@link #logDet} to log g'(x) there. */
    double inverse(double y) {
        if (!inside(y)) {
            logDet = 0;
            return y;
        }
        int b = bin(ys, y);
        double s = h[b] / w[b], dy = y - ys[b], d0 = derivative(b), d1 = derivative(b + 1), sum = d0 + d1 - 2 * s;
        double qa = h[b] * (s - d0) + dy * sum, qb = h[b] * d0 - dy * sum, qc = -s * dy;
        // 2c / (-b - sqrt(b^2 - 4ac)) rather than the textbook root: no cancellation when a is small
        double xi = 2 * qc / (-qb - Math.sqrt(Math.max(0, qb * qb - 4 * qa * qc)));
        logDet = logSlope(b, xi, d0, d1);
        return xs[b] + xi * w[b];
    }

    /** log g' = log(s^2 (d1 xi^2 + 2 s t + d0 (1 - xi)^2)) - 2 log(s + (d0 + d1 - 2 s) t), t = xi (1 - xi). */
    private double logSlope(int b, double xi, double d0, double d1) {
        double s = h[b] / w[b], t = xi * (1 - xi);
        double c = d1 * xi * xi + 2 * s * t + d0 * (1 - xi) * (1 - xi), den = s + (d0 + d1 - 2 * s) * t;
        return Math.log(s * s * c / (den * den)); // one log per point: every factor is within a few decades of 1
    }

    /**
     * Reverse mode at x for L with dL/dg = gy and dL/dlog g' = gl: returns dL/dx and writes (not
     * adds) dL/draw into gRaw[off .. off + 3K - 1). The knots must be those {@link #set} gave.
     */
    double backward(double x, double gy, double gl, double[] gRaw, int off) {
        int k = bins;
        Arrays.fill(gRaw, off, off + rawCount(k), 0);
        if (!inside(x)) return gy;
        int b = bin(xs, x);
        double wb = w[b],
                hb = h[b],
                s = hb / wb,
                xi = (x - xs[b]) / wb,
                t = xi * (1 - xi),
                d0 = derivative(b),
                d1 = derivative(b + 1);
        double sum = d0 + d1 - 2 * s, a = s * xi * xi + d0 * t, den = s + sum * t, den2 = den * den;
        double c = d1 * xi * xi + 2 * s * t + d0 * (1 - xi) * (1 - xi);
        // y = y_b + h a / den and l = 2 log s + log c - 2 log den, as functions of (xi, s, d0, d1, h, y_b)
        double gXi = gy * hb * s * c / den2 // dy/dxi = w g'(x)
                + gl * ((2 * d1 * xi + 2 * s * (1 - 2 * xi) - 2 * d0 * (1 - xi)) / c - 2 * sum * (1 - 2 * xi) / den);
        double gS =
                gy * hb * (xi * xi * den - a * (1 - 2 * t)) / den2 + gl * (2 / s + 2 * t / c - 2 * (1 - 2 * t) / den);
        double gD0 = gy * hb * t * (den - a) / den2 + gl * ((1 - xi) * (1 - xi) / c - 2 * t / den);
        double gD1 = -gy * hb * a * t / den2 + gl * (xi * xi / c - 2 * t / den);
        // s = h / w and xi = (x - x_b) / w
        double gH = gy * a / den + gS / wb;
        double gW = -gS * s / wb - gXi * xi / wb;
        double gX0 = -gXi / wb;
        // x_b and y_b are sums of the widths and heights of the bins before b; each is span * fraction
        double span = 2 * bound, scale = 1 - MIN_BIN * k;
        softmaxBackward(pw, b, span * scale * gX0, span * scale * gW, gRaw, off);
        softmaxBackward(ph, b, span * scale * gy, span * scale * gH, gRaw, off + k);
        if (b > 0) gRaw[off + 2 * k + b - 1] = gD0 * derivativeSlope(b);
        if (b + 1 < k) gRaw[off + 2 * k + b] = gD1 * derivativeSlope(b + 1);
        return gXi / wb;
    }

    /** dL/draw for p = softmax(raw) when dL/dp_j = before for j < b, at for j = b, 0 after. */
    private static void softmaxBackward(double[] p, int b, double before, double at, double[] gRaw, int off) {
        double dot = at * p[b];
        for (int j = 0; j < b; j++) dot += before * p[j];
        for (int j = 0; j < p.length; j++) gRaw[off + j] = p[j] * ((j < b ? before : j == b ? at : 0) - dot);
    }
}
