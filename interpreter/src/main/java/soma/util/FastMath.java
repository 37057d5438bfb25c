package soma.util;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * exp, expm1, tanh, cosh, sinh and the logistic sigmoid over arrays, written so that HotSpot's C2
 * vectorises them (SuperWord): plain arithmetic, {@code Math.fma}, {@code Math.rint},
 * {@code Math.min/max/abs/signum} in counted loops, no branches, no calls. C2 does not vectorise
 * {@code Math.exp} (a call per element) nor {@code Double.longBitsToDouble}; the power of two
 * {@code 2^k} is built by storing {@code (k + 1023) << 52} as a long through a
 * {@link MemorySegment} over a double array (a separate loop, which C2 does vectorise) and reading
 * that array back as doubles.
 *
 * <p>Method: {@code x = k ln2 + r}, {@code |r| <= ln2/2}, k = rint(x / ln2); e^r by its Taylor
 * polynomial of degree 13 (truncation below 5e-18 relative) in Horner form with fused
 * multiply-adds; the scale 2^k as the product of two powers of two (so that k over the whole range
 * -1075..1024, where one factor would leave the normal exponents, still gives subnormals and
 * infinity correctly, rounded once in the last product).
 *
 * <p>Error bounds against {@code StrictMath} (tested over the whole double range in FastMathTest):
 * exp within 2 ulp for results >= 2^-1022 (subnormal results within 1 ulp of the smallest
 * subnormal, overflow to +infinity above 709.78, 0 below -745.2); expm1 within 3 ulp; tanh within
 * 4 ulp (exactly +-1 for |x| > 19.1; tanh(-0) is +0); cosh and sinh within 3 ulp where finite, and
 * infinite where StrictMath is; sigmoid within 3 ulp. NaN gives NaN, +-infinity the limits.
 */
public final class FastMath {
    private FastMath() {}

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2HI = 6.93147180369123816490e-01;
    private static final double LN2LO = 1.90821492927058770002e-10;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;

    /** Work arrays for the kernels, one per thread, at least as long as the longest call. */
    public static final class Scratch {
        final double[] k, s1, s2, t;
        final MemorySegment m1, m2;

        public Scratch(int capacity) {
            k = new double[capacity];
            s1 = new double[capacity];
            s2 = new double[capacity];
            t = new double[capacity];
            m1 = MemorySegment.ofArray(s1);
            m2 = MemorySegment.ofArray(s2);
        }

        public int capacity() {
            return k.length;
        }
    }

    /** e^r - 1 for |r| <= ln2/2 (plus rounding), degree 13, r * (1 + r/2 + ...). */
    private static double expm1Poly(double r) {
        double p = 1 / 6227020800.0;
        p = Math.fma(p, r, 1 / 479001600.0);
        p = Math.fma(p, r, 1 / 39916800.0);
        p = Math.fma(p, r, 1 / 3628800.0);
        p = Math.fma(p, r, 1 / 362880.0);
        p = Math.fma(p, r, 1 / 40320.0);
        p = Math.fma(p, r, 1 / 5040.0);
        p = Math.fma(p, r, 1 / 720.0);
        p = Math.fma(p, r, 1 / 120.0);
        p = Math.fma(p, r, 1 / 24.0);
        p = Math.fma(p, r, 1 / 6.0);
        p = Math.fma(p, r, 0.5);
        p = Math.fma(p, r, 1);
        return p * r;
    }

    /**
     * out[i] = e^(a * x[i]) for i < n (x and out may be the same array). a = 1 for exp, -1 for
     * e^-x, 2 for e^2x.
     */
    public static void exp(double[] x, double a, double[] out, int n, Scratch s) {
        double[] k = s.k;
        for (int i = 0; i < n; i++) {
            double y = Math.min(Math.max(a * x[i], -746.0), 710.0);
            double kd = Math.rint(y * LOG2E);
            double r = Math.fma(-kd, LN2LO, Math.fma(-kd, LN2HI, y));
            k[i] = kd;
            out[i] = 1 + expm1Poly(r);
        }
        scales(n, s);
        double[] s1 = s.s1, s2 = s.s2;
        for (int i = 0; i < n; i++) out[i] = out[i] * s1[i] * s2[i];
    }

    /**
     * Splits k[i] into two halves and stores 2^half1 into s1, 2^half2 into s2: the halves first
     * (a loop of doubles), then each power in a loop of its own (C2 vectorises a loop that stores
     * longs into one segment, not one that rounds and stores into two).
     */
    private static void scales(int n, Scratch s) {
        double[] k = s.k, h = s.t;
        for (int i = 0; i < n; i++) {
            double half = Math.rint(k[i] * 0.5);
            h[i] = k[i] - half;
            k[i] = half;
        }
        MemorySegment m1 = s.m1, m2 = s.m2;
        for (int i = 0; i < n; i++) m1.setAtIndex(LONG, i, ((long) k[i] + 1023) << 52);
        for (int i = 0; i < n; i++) m2.setAtIndex(LONG, i, ((long) h[i] + 1023) << 52);
    }

    /** 2^k[i] into s1 for |k| <= 1022. */
    private static void scale(int n, Scratch s) {
        double[] k = s.k;
        MemorySegment m1 = s.m1;
        for (int i = 0; i < n; i++) m1.setAtIndex(LONG, i, ((long) k[i] + 1023) << 52);
    }

    /**
     * out[i] = e^(a * clamp(x[i], -lim, lim)) - 1 with |a * lim| <= 700, accurate near 0: with
     * S = 2^k and q = e^r - 1, e^x - 1 = S q + (S - 1), both terms exact or nearly.
     */
    private static void expm1Clamped(double[] x, double a, double lim, double[] out, int n, Scratch s) {
        double[] k = s.k;
        for (int i = 0; i < n; i++) {
            double y = a * Math.min(Math.max(x[i], -lim), lim);
            double kd = Math.rint(y * LOG2E);
            double r = Math.fma(-kd, LN2LO, Math.fma(-kd, LN2HI, y));
            k[i] = kd;
            out[i] = expm1Poly(r);
        }
        scale(n, s);
        double[] s1 = s.s1;
        for (int i = 0; i < n; i++) out[i] = Math.fma(s1[i], out[i], s1[i] - 1);
    }

    /** out[i] = e^x[i] - 1 for |x| <= 700 (beyond, the argument is clamped to +-700). */
    public static void expm1(double[] x, double[] out, int n, Scratch s) {
        expm1Clamped(x, 1, 700, out, n, s);
    }

    /** out[i] = tanh(x[i]) = (e^2x - 1) / (e^2x + 1), with the argument clamped to +-20. */
    public static void tanh(double[] x, double[] out, int n, Scratch s) {
        expm1Clamped(x, 2, 20, out, n, s);
        for (int i = 0; i < n; i++) {
            double e = out[i];
            out[i] = e / (e + 2);
        }
    }

    /** out[i] = 1 / (1 + e^-x[i]). */
    public static void sigmoid(double[] x, double[] out, int n, Scratch s) {
        exp(x, -1, out, n, s);
        for (int i = 0; i < n; i++) out[i] = 1 / (1 + out[i]);
    }

    /** out[i] = cosh(x[i]) = E + 1/(4E) with E = e^|x| / 2 (halved before scaling: no early overflow). */
    public static void cosh(double[] x, double[] out, int n, Scratch s) {
        halfExpAbs(x, out, n, s);
        for (int i = 0; i < n; i++) {
            double e = out[i];
            out[i] = e + 0.25 / e;
        }
    }

    /**
     * out[i] = sinh(x[i]): for |x| < 1, sign(x) (m + m / (m + 1)) / 2 with m = e^|x| - 1 (no
     * cancellation); beyond, sign(x) (E - 1/(4E)) with E = e^|x| / 2. Both are computed and blended
     * by arithmetic (no branch), the weight w = 1 for |x| < 1.
     */
    public static void sinh(double[] x, double[] out, int n, Scratch s) {
        halfExpAbs(x, out, n, s);
        double[] k = s.k, t = s.t, s1 = s.s1;
        for (int i = 0; i < n; i++) {
            double y = Math.min(Math.abs(x[i]), 1.0);
            double kd = Math.rint(y * LOG2E);
            double r = Math.fma(-kd, LN2LO, Math.fma(-kd, LN2HI, y));
            k[i] = kd;
            t[i] = expm1Poly(r);
        }
        scale(n, s);
        for (int i = 0; i < n; i++) {
            double m = Math.fma(s1[i], t[i], s1[i] - 1);
            double small = 0.5 * (m + m / (m + 1));
            double e = out[i];
            double w = Math.max(0, Math.signum(1 - Math.abs(x[i]))); // 1 for |x| < 1, else 0
            out[i] = Math.signum(x[i]) * (w * small + (1 - w) * (e - 0.25 / e));
        }
    }

    /** out[i] = e^|x[i]| / 2 (finite up to |x| = 710.47, as cosh). */
    private static void halfExpAbs(double[] x, double[] out, int n, Scratch s) {
        double[] k = s.k;
        for (int i = 0; i < n; i++) {
            double y = Math.min(Math.abs(x[i]), 746.0);
            double kd = Math.rint(y * LOG2E);
            double r = Math.fma(-kd, LN2LO, Math.fma(-kd, LN2HI, y));
            k[i] = kd - 1;
            out[i] = 1 + expm1Poly(r);
        }
        scales(n, s);
        double[] s1 = s.s1, s2 = s.s2;
        for (int i = 0; i < n; i++) out[i] = out[i] * s1[i] * s2[i];
    }

    // ------------------------------------------------------------------ one value (tests, scalar code)

    private static final ThreadLocal<Scratch> ONE = ThreadLocal.withInitial(() -> new Scratch(1));

    /** One value through the array kernel (for tests; slow). */
    public static double apply(String function, double x) {
        double[] a = {x};
        double[] out = new double[1];
        Scratch s = ONE.get();
        switch (function) {
            case "exp" -> exp(a, 1, out, 1, s);
            case "expm1" -> expm1(a, out, 1, s);
            case "tanh" -> tanh(a, out, 1, s);
            case "cosh" -> cosh(a, out, 1, s);
            case "sinh" -> sinh(a, out, 1, s);
            case "sigmoid" -> sigmoid(a, out, 1, s);
            default -> throw new IllegalArgumentException(function);
        }
        return out[0];
    }
}
