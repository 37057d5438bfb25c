package soma.random;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import soma.tensor.Tensor;
import soma.tensor.TensorException;

class RngTest {
    @Test
    void sameSeedSameSequenceDifferentSeedDifferent() {
        Rng a = new Rng(123), b = new Rng(123), c = new Rng(124);
        boolean differs = false;
        for (int i = 0; i < 1000; i++) {
            double x = a.nextDouble();
            assertEquals(x, b.nextDouble());
            differs |= x != c.nextDouble();
        }
        assertTrue(differs);
        assertEquals(new Rng(5).randn(3, 4), new Rng(5).randn(3, 4));
        assertNotEquals(new Rng(5).randn(3, 4), new Rng(6).randn(3, 4));
    }

    @Test
    void reseedingRestartsAndDropsTheCachedNormal() {
        Rng r = new Rng(77);
        double first = r.nextGaussian(); // leaves a spare normal cached
        r.seed(77);
        assertEquals(first, r.nextGaussian());
    }

    /**
     * Golden values for seed 1. They were computed once with this implementation and frozen;
     * any change to seeding, xoshiro256**, the double conversion or the polar method breaks
     * this test, which is the point: Soma programs must reproduce across versions.
     */
    @Test
    void goldenValuesForSeed1() {
        Rng r = new Rng(1);
        long[] longs = {r.nextLong(), r.nextLong(), r.nextLong()};
        assertArrayEquals(new long[] {GOLDEN_LONG_0, GOLDEN_LONG_1, GOLDEN_LONG_2}, longs, Arrays.toString(longs));
        r.seed(1);
        double[] u = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
        assertArrayEquals(new double[] {GOLDEN_U_0, GOLDEN_U_1, GOLDEN_U_2}, u, 0, Arrays.toString(u));
        r.seed(1);
        double[] g = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
        assertArrayEquals(new double[] {GOLDEN_N_0, GOLDEN_N_1, GOLDEN_N_2}, g, 0, Arrays.toString(g));
    }

    // Frozen from the first run (2025, this implementation). The three longs also agree with a C
    // transcription of Vigna's reference xoshiro256.c / splitmix64.c seeded the same way.
    private static final long GOLDEN_LONG_0 = -5480124913605472059L;
    private static final long GOLDEN_LONG_1 = -8846382939111011094L;
    private static final long GOLDEN_LONG_2 = -7856363154187860716L;
    private static final double GOLDEN_U_0 = 0.7029218331588505,
            GOLDEN_U_1 = 0.5204366199388569,
            GOLDEN_U_2 = 0.5741057000197225;
    private static final double GOLDEN_N_0 = 1.884396104787977,
            GOLDEN_N_1 = 0.18978089448693036,
            GOLDEN_N_2 = 1.302090250702661;

    @Test
    void normalMomentsOf100kSamples() {
        Tensor x = new Rng(42).randn(100_000);
        // standard errors: mean 1/sqrt(n) = 0.0032, std ~ 1/sqrt(2n) = 0.0022; allow ~4 sigma
        assertEquals(0, x.mean().scalarValue(), 0.013);
        assertEquals(1, x.std().scalarValue(), 0.009);
        double fourth = x.pow(4).mean().scalarValue(); // kurtosis 3 for a Gaussian
        assertEquals(3, fourth, 0.1);
        Tensor y = new Rng(43).normal(5, 2, 100_000);
        assertEquals(5, y.mean().scalarValue(), 0.03);
        assertEquals(2, y.std().scalarValue(), 0.02);
    }

    @Test
    void uniformRangesAndMoments() {
        Tensor u = new Rng(1).rand(100_000);
        assertTrue(u.min().scalarValue() >= 0 && u.max().scalarValue() < 1);
        assertEquals(0.5, u.mean().scalarValue(), 0.004);
        assertEquals(1 / Math.sqrt(12), u.std().scalarValue(), 0.003);
        Tensor v = new Rng(2).uniform(-3, 5, 1000);
        assertTrue(v.min().scalarValue() >= -3 && v.max().scalarValue() < 5);
    }

    @Test
    void randintCoversTheHalfOpenRangeUniformly() {
        Tensor r = new Rng(3).randint(-2, 3, 50_000);
        assertEquals(-2, r.min().scalarValue());
        assertEquals(2, r.max().scalarValue());
        assertEquals(r, r.round(), "integers");
        for (int v = -2; v <= 2; v++) {
            double frac = r.eq(v).mean().scalarValue();
            assertEquals(0.2, frac, 0.01, "frequency of " + v);
        }
        assertThrows(TensorException.class, () -> new Rng(1).randint(3, 3, 1));
    }

    @Test
    void permutationAndChoice() {
        Rng rng = new Rng(10);
        double[] p = rng.permutation(50).realData().clone();
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) assertEquals(i, sorted[i]);
        assertFalse(Arrays.equals(p, sorted), "a shuffle of 50 is not the identity");
        double[] c = rng.choice(20, 20, false).realData().clone();
        Arrays.sort(c);
        for (int i = 0; i < 20; i++) assertEquals(i, c[i], "without replacement: all distinct");
        Tensor w = rng.choice(3, 1000, true);
        assertEquals(2, w.max().scalarValue());
        Tensor pop = Tensor.vector(10, 20, 30);
        Tensor picked = rng.choice(pop, 2, false);
        assertEquals(2, picked.size());
        assertNotEquals(picked.get(0), picked.get(1));
        assertTrue(pop.eq(picked.get(0)).any().scalarValue() == 1);
        assertThrows(TensorException.class, () -> rng.choice(3, 4, false));
    }
}
