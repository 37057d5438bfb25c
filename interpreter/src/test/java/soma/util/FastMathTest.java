package soma.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The vectorisable kernels of {@link FastMath} against StrictMath, with the error bounds its doc states. */
class FastMathTest {
    private static final int N = 1 << 16;

    /** Arguments spread over [-range, range]: uniform, log-uniform in magnitude, and special values. */
    private static double[] arguments(double range, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = switch (i % 3) {
                case 0 -> (2 * r.nextDouble() - 1) * range;
                case 1 -> (r.nextBoolean() ? 1 : -1) * Math.min(range, Math.pow(2, -1074 + r.nextDouble() * 1084));
                default -> (2 * r.nextDouble() - 1) * Math.min(range, 30);
            };
        }
        double[] special = {
            0,
            -0.0,
            1,
            -1,
            0.5,
            -0.5,
            1e-300,
            -1e-300,
            Double.MIN_VALUE,
            709.78,
            709.79,
            710.4,
            710.5,
            -745.1,
            -745.2,
            -746,
            19,
            19.1,
            20,
            21,
            -20,
            700,
            -700,
            1e300,
            -1e300
        };
        for (int i = 0; i < special.length; i++) x[i] = Math.max(-range, Math.min(range, special[i]));
        return x;
    }

    private interface Kernel {
        void run(double[] x, double[] out, int n, FastMath.Scratch s);
    }

    /** The largest error in ulps (of the exact result, at least the smallest normal's ulp... of the result). */
    private static double maxUlps(Kernel k, DoubleUnaryOperator exact, double range, long seed) {
        double[] x = arguments(range, seed);
        double[] out = new double[N];
        k.run(x, out, N, new FastMath.Scratch(N));
        double worst = 0;
        for (int i = 0; i < N; i++) {
            double e = exact.applyAsDouble(x[i]);
            double got = out[i];
            if (Double.isInfinite(e) || Double.isNaN(e)) {
                assertEquals(e, got, "at x = " + x[i]);
                continue;
            }
            assertTrue(Double.isFinite(got), "at x = " + x[i] + ": " + got + " instead of " + e);
            double ulps = Math.abs(got - e) / Math.max(Math.ulp(e), Double.MIN_VALUE);
            worst = Math.max(worst, ulps);
        }
        return worst;
    }

    @Test
    void expWithinTwoUlps() {
        double worst = maxUlps((x, o, n, s) -> FastMath.exp(x, 1, o, n, s), StrictMath::exp, 800, 1);
        System.out.println("exp: max error " + worst + " ulp");
        assertTrue(worst <= 2, "exp error " + worst);
        double neg = maxUlps((x, o, n, s) -> FastMath.exp(x, -1, o, n, s), v -> StrictMath.exp(-v), 800, 2);
        assertTrue(neg <= 2, "exp(-x) error " + neg);
    }

    @Test
    void expm1WithinThreeUlps() {
        double worst = maxUlps(FastMath::expm1, StrictMath::expm1, 700, 3);
        System.out.println("expm1: max error " + worst + " ulp");
        assertTrue(worst <= 3, "expm1 error " + worst);
    }

    @Test
    void tanhWithinFourUlps() {
        double worst = maxUlps(FastMath::tanh, StrictMath::tanh, 1e308, 4);
        System.out.println("tanh: max error " + worst + " ulp");
        assertTrue(worst <= 4, "tanh error " + worst);
    }

    @Test
    void coshAndSinhWithinThreeUlps() {
        double c = maxUlps(FastMath::cosh, StrictMath::cosh, 1e308, 5);
        double s = maxUlps(FastMath::sinh, StrictMath::sinh, 1e308, 6);
        System.out.println("cosh: max error " + c + " ulp, sinh: " + s + " ulp");
        assertTrue(c <= 3, "cosh error " + c);
        assertTrue(s <= 3, "sinh error " + s);
    }

    @Test
    void sigmoidWithinThreeUlps() {
        double worst = maxUlps(FastMath::sigmoid, v -> 1 / (1 + StrictMath.exp(-v)), 1e308, 7);
        System.out.println("sigmoid: max error " + worst + " ulp");
        assertTrue(worst <= 3, "sigmoid error " + worst);
    }

    @Test
    void specialValues() {
        for (String f : new String[] {"exp", "tanh", "cosh", "sinh", "sigmoid", "expm1"}) {
            assertTrue(Double.isNaN(FastMath.apply(f, Double.NaN)), f + "(NaN)");
        }
        assertEquals(Double.POSITIVE_INFINITY, FastMath.apply("exp", Double.POSITIVE_INFINITY));
        assertEquals(0.0, FastMath.apply("exp", Double.NEGATIVE_INFINITY));
        assertEquals(1.0, FastMath.apply("exp", 0));
        assertEquals(1.0, FastMath.apply("tanh", Double.POSITIVE_INFINITY));
        assertEquals(-1.0, FastMath.apply("tanh", Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, FastMath.apply("cosh", Double.NEGATIVE_INFINITY));
        assertEquals(Double.NEGATIVE_INFINITY, FastMath.apply("sinh", Double.NEGATIVE_INFINITY));
        assertEquals(1.0, FastMath.apply("sigmoid", Double.POSITIVE_INFINITY));
        assertEquals(0.0, FastMath.apply("sigmoid", Double.NEGATIVE_INFINITY));
        assertEquals(0.5, FastMath.apply("sigmoid", 0));
    }
}
