package soma.epi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import soma.flow.Flow;
import soma.flow.LayerSpec;
import soma.random.Rng;

/** The augmented-Lagrangian bookkeeping, the penalty gradient and the convergence test, on problems solved by hand. */
class AugmentedLagrangianTest {
    @Test
    void multipliersAndPenaltyFollowTheSpec() {
        AugmentedLagrangian al = new AugmentedLagrangian(2, 1, 4, 0.25);
        al.previous = new double[] {0.4, 0.3}; // |R_old| = 0.5
        al.update(new double[] {0.2, 0.1}); // |R| = 0.2236 > 0.25 * 0.5: c grows
        assertArrayEquals(new double[] {0.2, 0.1}, al.eta, 1e-15); // eta + c R with the old c = 1
        assertEquals(4, al.c, 0);
        al.update(new double[] {0.01, 0.02}); // |R| = 0.02236 < 0.25 * 0.2236: c stays
        assertArrayEquals(new double[] {0.24, 0.18}, al.eta, 1e-15);
        assertEquals(4, al.c, 0);
    }

    /** A violation the tests do not call real (sampling noise) moves neither the multipliers nor the penalty. */
    @Test
    void noiseMovesNothing() {
        AugmentedLagrangian al = new AugmentedLagrangian(2, 10, 4, 0.25);
        al.previous = new double[] {0.01, 0.01};
        al.update(new double[] {0.05, -0.03}, false); // |R| grew, but within the noise
        assertArrayEquals(new double[] {0, 0}, al.eta, 0);
        assertEquals(10, al.c, 0);
        al.update(new double[] {0.05, -0.03}, true); // the same violation, now significant
        assertArrayEquals(new double[] {0.5, -0.3}, al.eta, 1e-15);
        assertEquals(40, al.c, 0);
        for (int i = 0; i < 40; i++) al.update(new double[] {1, 1}, true);
        assertEquals(AugmentedLagrangian.MAX_C, al.c, 0); // bounded
    }

    /** With mixture strata, the penalty weights use each component's halves and weights (pi_k / n_k). */
    @Test
    void stratifiedWeightsReduceToThePlainOnesForOneComponent() {
        AugmentedLagrangian al = new AugmentedLagrangian(1, 2, 4, 0.25);
        al.eta[0] = 0.5;
        double[] t = {1, 3, 2, 6};
        assertArrayEquals(
                al.weights(t, new double[] {1}, 4),
                al.weights(t, new double[] {1}, AugmentedLagrangian.Strata.plain(4)),
                0);
        // two components of two samples each, weights 0.25 / 0.75: R = 0.25 * (2 - 1) + 0.75 * (4 - 1) = 2.5
        AugmentedLagrangian.Strata st = new AugmentedLagrangian.Strata(
                new int[] {0, 0, 1, 1},
                new boolean[] {true, false, true, false},
                new double[] {0.25, 0.75},
                new int[] {2, 2},
                new int[] {1, 1});
        assertArrayEquals(new double[] {2.5}, AugmentedLagrangian.mean(t, new double[] {1}, st, 0), 1e-15);
    }

    @Test
    void weightsSplitThePenaltyOverTwoHalves() {
        AugmentedLagrangian al = new AugmentedLagrangian(1, 2, 4, 0.25);
        al.eta[0] = 0.5;
        double[] t = {1, 3, 2, 6}; // halves: mean 2 and 4; mu = 1: R_a = 1, R_b = 3
        double[] w = al.weights(t, new double[] {1}, 4);
        // eta / n + (c / 2) R_other / n_half = 0.125 + 1 * R_other / 2
        assertArrayEquals(new double[] {0.125 + 1.5, 0.125 + 1.5, 0.125 + 0.5, 0.125 + 0.5}, w, 1e-15);
        assertEquals(-0.7 + 0.5 * 2 + 1 * 1 * 3, al.loss(0.7, t, new double[] {1}, 4), 1e-15);
    }

    /**
     * For T(z) = z^2 under q = N(m, s^2) and mu = 2, the expected penalty (c/2)(m^2 + s^2 - 2)^2 has
     * a known gradient; the two-half-batch estimate averages to it (central differences of the
     * expected loss), while using one batch for both factors is biased by O(1/n).
     */
    @Test
    void penaltyGradientIsUnbiased() {
        Flow f = new Flow(
                "g", 1, List.of(new LayerSpec("scale", Map.of()), new LayerSpec("shift", Map.of())), new Rng(1));
        double m = 0.7, s = 1.3, c = 2;
        f.theta[0] = Math.log(s);
        f.theta[1] = m;
        int n = 6, batches = 400_000;
        AugmentedLagrangian al = new AugmentedLagrangian(1, c, 4, 0.25);
        Rng rng = new Rng(2);
        double[] split = new double[2], naive = new double[2];
        for (int b = 0; b < batches; b++) {
            Flow.Pass p = f.forward(f.drawBase(n, rng), n, true);
            double[] z = p.z(), t = new double[n];
            for (int i = 0; i < n; i++) t[i] = z[i] * z[i];
            double[] w = al.weights(t, new double[] {2}, n);
            double r = AugmentedLagrangian.mean(t, 0, n, 1, new double[] {2})[0];
            double[] gz = new double[n], gzNaive = new double[n];
            for (int i = 0; i < n; i++) {
                gz[i] = w[i] * 2 * z[i];
                gzNaive[i] = c * r / n * 2 * z[i]; // gradient of (c/2) R^2 with R from the same batch
            }
            double[] g = f.backward(p, gz, new double[n]), gn = f.backward(p, gzNaive, new double[n]);
            for (int j = 0; j < 2; j++) {
                split[j] += g[j] / batches;
                naive[j] += gn[j] / batches;
            }
        }
        double h = 1e-6;
        double dLogS =
                (expected(m, Math.exp(Math.log(s) + h), c) - expected(m, Math.exp(Math.log(s) - h), c)) / (2 * h);
        double dM = (expected(m + h, s, c) - expected(m - h, s, c)) / (2 * h);
        assertEquals(dLogS, split[0], 0.02 * Math.abs(dLogS));
        assertEquals(dM, split[1], 0.02 * Math.abs(dM));
        assertTrue(
                Math.abs(naive[0] - dLogS) > 0.1 * Math.abs(dLogS),
                "the naive estimate should be visibly biased: " + naive[0] + " vs " + dLogS);
    }

    private static double expected(double m, double s, double c) {
        double r = m * m + s * s - 2;
        return c / 2 * r * r;
    }

    /** When E[T] = mu holds exactly, the Bonferroni-corrected tests reject about alpha of the time. */
    @Test
    void convergenceTestRejectsAboutAlphaUnderTheNull() {
        Rng rng = new Rng(3);
        int trials = 4000, n = 300, rejected = 0;
        double[] mu = {0.525, 0.2762};
        for (int trial = 0; trial < trials; trial++) {
            double[] t = new double[2 * n];
            for (int s = 0; s < n; s++) {
                t[2 * s] = mu[0] + 0.025 * rng.nextGaussian();
                t[2 * s + 1] = mu[1] + 0.1 * (rng.nextDouble() - 0.5); // not normal: the test is about the mean
            }
            if (!ConvergenceTest.test(t, mu, n, 0.05).passed()) rejected++;
        }
        double rate = (double) rejected / trials, expected = 1 - Math.pow(1 - 0.025, 2);
        assertEquals(expected, rate, 0.012, "false-positive rate");
    }
}
