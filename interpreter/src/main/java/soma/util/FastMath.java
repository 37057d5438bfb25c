package soma.util;

import java.lang.foreign.MemorySegment;

/**
 * exp, expm1, tanh, cosh, sinh and the logistic sigmoid over arrays, written so that HotSpot's C2
 * vectorises them (SuperWord): plain arithmetic, {@code Math.fma}, {@code Math.rint},
 * {@code Math.min/max/abs/signum} in counted loops, no branches, no calls. C2 does not vectorise
 * {@code Math.exp} (a call per element) nor {@code Double.longBitsToDouble} (a loop using it is not
 * vectorised at all); the power of two {@code 2^k} is built by storing {@code (k + 1023) << 52}
 * into a long array in the loop of the polynomial, copying those bytes into a double array
 * ({@link MemorySegment#copy}, a memory copy) and reading them in a second loop. Two loops per
 * function (the previous version took five passes over memory, 1.5x slower per element).
 *
 * <p>Method: {@code x = k ln2 + r}, {@code |r| <= ln2/2}, k = rint(x / ln2); e^r by its Taylor
 * polynomial of degree 13 (truncation below 5e-18 relative), evaluated by Estrin's scheme with fused
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

    /** Work arrays for the kernels, one per thread, at least as long as the longest call. */
    public static final class Scratch {
        final double[] s1, s2, t;
        /** The bits of the powers of two, as longs (a loop storing longs into an array vectorises). */
        final long[] b1, b2;

        final MemorySegment m1, m2, g1, g2;

        public Scratch(int capacity) {
            s1 = new double[capacity];
            s2 = new double[capacity];
            t = new double[capacity];
            b1 = new long[capacity];
            b2 = new long[capacity];
            m1 = MemorySegment.ofArray(s1);
            m2 = MemorySegment.ofArray(s2);
            g1 = MemorySegment.ofArray(b1);
            g2 = MemorySegment.ofArray(b2);
        }

        public int capacity() {
            return t.length;
        }

        /** The powers of two whose bits the first pass stored in b1 (and b2) as doubles in s1 (and s2). */
        void powers(int n, boolean both) {
            MemorySegment.copy(g1, 0, m1, 0, 8L * n);
            if (both) MemorySegment.copy(g2, 0, m2, 0, 8L * n);
        }
    }

    /**
     * e^r - 1 for |r| <= ln2/2 (plus rounding), degree 13, r * (1 + r/2 + r^2 T(r)): the tail T
     * (1/3! + r/4! + ... + r^10/13!) by Estrin's scheme (pairs, then the powers r^2, r^4, r^8)
     * rather than Horner's, so that the vector units are not waiting on one chain of 13 dependent
     * fused multiply-adds (7 instead; 1.5x faster per element). The last two steps, where the
     * value is near 1, stay Horner's: their roundings are the ones that show in the result.
     */
    private static double expm1Poly(double r) {
        double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
        double p0 = Math.fma(1 / 24.0, r, 1 / 6.0);
        double p1 = Math.fma(1 / 720.0, r, 1 / 120.0);
        double p2 = Math.fma(1 / 40320.0, r, 1 / 5040.0);
        double p3 = Math.fma(1 / 3628800.0, r, 1 / 362880.0);
        double p4 = Math.fma(1 / 479001600.0, r, 1 / 39916800.0);
        double q0 = Math.fma(p1, r2, p0), q1 = Math.fma(p3, r2, p2), q2 = Math.fma(1 / 6227020800.0, r2, p4);
        double tail = Math.fma(q2, r8, Math.fma(q1, r4, q0));
        return Math.fma(Math.fma(tail, r, 0.5), r, 1) * r;
    }

    /** The bits of 2^k (|k| <= 1023 after the split), to be read back as a double. */
    private static long bits(double k) {
        return ((long) k + 1023) << 52;
    }

    /**
     * The first pass of e^y for y = min(max(a * x[i], -746), 710), or of e^|x| / 2 (half):
     * out[i] = e^r, and the scale 2^k split in two halves whose bits go to b1 and b2 (one power
     * would leave the normal exponents for k near the ends of the range, subnormal results and
     * overflow; the product of two is rounded once, in the last multiplication).
     */
    private static void expParts(double[] x, double a, boolean half, double[] out, int n, Scratch s) {
        long[] b1 = s.b1, b2 = s.b2;
        if (half) { // two loops rather than a test per element: C2 vectorises a loop without branches
            for (int i = 0; i < n; i++) {
                double y = Math.min(Math.abs(x[i]), 746.0);
                double kd = Math.rint(y * LOG2E);
                double r = Math.fma(-kd, LN2LO, Math.fma(-kd, LN2HI, y));
                double k = kd - 1;
                double h = Math.rint(k * 0.5);
                b1[i] = bits(h);
                b2[i] = bits(k - h);
                out[i] = 1 + expm1Poly(r);
            }
        } else {
            for (int i = 0; i < n; i++) {
                double y = Math.min(Math.max(a * x[i], -746.0), 710.0);
                double kd = Math.rint(y * LOG2E);
                double r = Math.fma(-kd, LN2LO, Math.fma(-kd, LN2HI, y));
                double h = Math.rint(kd * 0.5);
                b1[i] = bits(h);
                b2[i] = bits(kd - h);
                out[i] = 1 + expm1Poly(r);
            }
        }
        s.powers(n, true);
    }

    /**
     * out[i] = e^(a * x[i]) for i < n (x and out may be the same array). a = 1 for exp, -1 for
     * e^-x, 2 for e^2x. Two passes: the polynomial and the scale's bits, then the scaling (C2 does
     * not vectorise {@code Double.longBitsToDouble}; the bits are stored as longs and copied into
     * a double array in between).
     */
    public static void exp(double[] x, double a, double[] out, int n, Scratch s) {
        expParts(x, a, false, out, n, s);
        double[] s1 = s.s1, s2 = s.s2;
        for (int i = 0; i < n; i++) out[i] = out[i] * s1[i] * s2[i];
    }

    /**
     * The first pass of e^y - 1 for y = a * clamp(x[i], -lim, lim), |a * lim| <= 700, accurate
     * near 0: out[i] = q = e^r - 1 and the bits of S = 2^k in b1; then e^y - 1 = S q + (S - 1),
     * both terms exact or nearly ({@link #expm1Of}).
     */
    private static void expm1Parts(double[] x, double a, double lim, double[] out, int n, Scratch s) {
        long[] b1 = s.b1;
        for (int i = 0; i < n; i++) {
            double y = a * Math.min(Math.max(x[i], -lim), lim);
            double kd = Math.rint(y * LOG2E);
            double r = Math.fma(-kd, LN2LO, Math.fma(-kd, LN2HI, y));
            b1[i] = bits(kd);
            out[i] = expm1Poly(r);
        }
        s.powers(n, false);
    }

    private static double expm1Of(double scale, double q) {
        return Math.fma(scale, q, scale - 1);
    }

    /** out[i] = e^x[i] - 1 for |x| <= 700 (beyond, the argument is clamped to +-700). */
    public static void expm1(double[] x, double[] out, int n, Scratch s) {
        expm1Parts(x, 1, 700, out, n, s);
        double[] s1 = s.s1;
        for (int i = 0; i < n; i++) out[i] = expm1Of(s1[i], out[i]);
    }

    /** out[i] = tanh(x[i]) = (e^2x - 1) / (e^2x + 1), with the argument clamped to +-20. */
    public static void tanh(double[] x, double[] out, int n, Scratch s) {
        expm1Parts(x, 2, 20, out, n, s);
        double[] s1 = s.s1;
        for (int i = 0; i < n; i++) {
            double e = expm1Of(s1[i], out[i]);
            out[i] = e / (e + 2);
        }
    }

    /** out[i] = 1 / (1 + e^-x[i]). */
    public static void sigmoid(double[] x, double[] out, int n, Scratch s) {
        expParts(x, -1, false, out, n, s);
        double[] s1 = s.s1, s2 = s.s2;
        for (int i = 0; i < n; i++) out[i] = 1 / (1 + out[i] * s1[i] * s2[i]);
    }

    /** out[i] = cosh(x[i]) = E + 1/(4E) with E = e^|x| / 2 (halved before scaling: no early overflow). */
    public static void cosh(double[] x, double[] out, int n, Scratch s) {
        expParts(x, 1, true, out, n, s);
        double[] s1 = s.s1, s2 = s.s2;
        for (int i = 0; i < n; i++) {
            double e = out[i] * s1[i] * s2[i];
            out[i] = e + 0.25 / e;
        }
    }

    /**
     * out[i] = sinh(x[i]): for |x| < 1, sign(x) (m + m / (m + 1)) / 2 with m = e^|x| - 1 (no
     * cancellation); beyond, sign(x) (E - 1/(4E)) with E = e^|x| / 2. Both are computed and blended
     * by arithmetic (no branch), the weight w = 1 for |x| < 1.
     */
    public static void sinh(double[] x, double[] out, int n, Scratch s) {
        expParts(x, 1, true, out, n, s);
        double[] s1 = s.s1, s2 = s.s2, t = s.t;
        for (int i = 0; i < n; i++) out[i] = out[i] * s1[i] * s2[i]; // E
        long[] b1 = s.b1;
        for (int i = 0; i < n; i++) {
            double y = Math.min(Math.abs(x[i]), 1.0);
            double kd = Math.rint(y * LOG2E);
            double r = Math.fma(-kd, LN2LO, Math.fma(-kd, LN2HI, y));
            b1[i] = bits(kd);
            t[i] = expm1Poly(r);
        }
        s.powers(n, false);
        for (int i = 0; i < n; i++) {
            double m = expm1Of(s1[i], t[i]);
            double small = 0.5 * (m + m / (m + 1));
            double e = out[i];
            double w = Math.max(0, Math.signum(1 - Math.abs(x[i]))); // 1 for |x| < 1, else 0
            out[i] = Math.signum(x[i]) * (w * small + (1 - w) * (e - 0.25 / e));
        }
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
