package soma.epi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import soma.epi.MaxEntReference.GaussLegendre;
import soma.epi.MaxEntReference.Gaussian;
import soma.epi.MaxEntReference.LinearSystem2D;
import soma.epi.MaxEntReference.Polynomial1D;
import soma.epi.MaxEntReference.Uniform;

/**
 * The exact maximum-entropy references checked against themselves and against independent
 * computations: refined quadrature, closed forms, exact samplers and uniform importance sampling.
 * Monte Carlo checks allow 4.5 standard errors (seeded, so they are deterministic).
 */
class MaxEntReferenceTest {
    private static final double Z_TOL = 4.5;
    private static final Polynomial1D BIMODAL = Polynomial1D.bimodal();
    private static final LinearSystem2D OSCILLATOR = LinearSystem2D.oscillator();

    /** Mean and standard error of h over draws. */
    private static double[] meanAndError(double[][] z, ToDoubleFunction<double[]> h) {
        double s = 0, ss = 0;
        for (double[] row : z) {
            double v = h.applyAsDouble(row);
            s += v;
            ss += v * v;
        }
        int n = z.length;
        double m = s / n;
        return new double[] {m, Math.sqrt(Math.max(0, ss / n - m * m) / n)};
    }

    private static void assertWithin(double expected, double[] estimate, String what) {
        assertTrue(
                Math.abs(estimate[0] - expected) <= Z_TOL * estimate[1],
                what + ": " + estimate[0] + " +- " + estimate[1] + " against " + expected);
    }

    @Test
    void gaussLegendreIsExactToDegreeTwoNMinusOne() {
        assertEquals(2.0 / 23, GaussLegendre.G12.integrate(x -> Math.pow(x, 22), -1, 1), 1e-15);
        assertEquals(2.0 / 31, GaussLegendre.G16.integrate(x -> Math.pow(x, 30), -1, 1), 1e-15);
        assertEquals(2, GaussLegendre.G16.integrate(x -> 1, -1, 1), 1e-15);
    }

    @Test
    void uniformBox() {
        Uniform u = Uniform.box(3, -1, 2);
        assertEquals(3 * Math.log(3), u.logZ(), 1e-15);
        assertEquals(3 * Math.log(3), u.entropy(), 1e-15);
        assertEquals(-3 * Math.log(3), u.logDensity(0, 1.5, -0.5), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, u.logDensity(0, 2.5, 0));
        assertArrayEquals(new double[] {1}, u.modeWeights());
        // KL(q || U[0, 1]) for q(x) = 2x is E_q[log 2x] = log 2 - 1/2; draws x = sqrt(v)
        Uniform unit = Uniform.box(1, 0, 1);
        SplittableRandom rng = new SplittableRandom(1);
        int n = 200_000;
        double[][] x = new double[n][1];
        double[] logq = new double[n], flat = new double[n];
        for (int i = 0; i < n; i++) {
            flat[i] = x[i][0] = Math.sqrt(rng.nextDouble());
            logq[i] = Math.log(2 * x[i][0]);
        }
        MaxEntReference.Estimate kl = unit.klEstimate(x, logq);
        assertWithin(Math.log(2) - 0.5, new double[] {kl.value(), kl.standardError()}, "KL(2x || uniform)");
        assertEquals(kl.value(), unit.kl(flat, logq), 1e-15);
        double[][] outside = {{0.5}, {1.5}};
        assertEquals(Double.POSITIVE_INFINITY, unit.kl(outside, new double[] {0, 0}));
    }

    /** N(1, 0.25) on the real line against the raw-power family (z, z^2) on [-9, 11], and KL between Gaussians. */
    @Test
    void gaussianAgreesWithThePolynomialFamily() {
        Gaussian g = new Gaussian(1, 0.25);
        Polynomial1D p = Polynomial1D.fromMu(-9, 11, new int[] {1, 2}, new double[] {1, 1.25});
        assertArrayEquals(new double[] {4, -2}, p.eta(), 1e-10); // (m / v, -1 / (2 v))
        assertEquals(2 + g.logZ(), p.logZ(), 1e-12); // exp(m^2 / (2 v)) sqrt(2 pi v)
        assertEquals(0.5 * Math.log(2 * Math.PI * Math.E * 0.25), g.entropy(), 1e-15);
        assertEquals(g.entropy(), p.entropy(), 1e-12);
        assertEquals(g.entropy(), g.logZ() - MaxEntReference.dot(g.eta(), g.mu()), 1e-15);
        for (double z : new double[] {-1, 0.3, 1, 2.2}) assertEquals(g.logDensity(z), p.logDensity(z), 1e-11);
        assertArrayEquals(new double[] {1}, p.modeWeights(), 1e-14);
        assertEquals(1, p.modes()[0], 1e-9);
        // KL(N(1.2, 0.36) || N(1, 0.25)) = (log(v2 / v1) + (v1 + (m1 - m2)^2) / v2 - 1) / 2
        double exact = 0.5 * (Math.log(0.25 / 0.36) + (0.36 + 0.04) / 0.25 - 1);
        Gaussian q = new Gaussian(1.2, 0.36);
        double[][] z = q.sample(100_000, new SplittableRandom(2));
        double[] logq = new double[z.length];
        for (int i = 0; i < z.length; i++) logq[i] = q.logDensity(z[i]);
        MaxEntReference.Estimate kl = g.klEstimate(z, logq);
        assertWithin(exact, new double[] {kl.value(), kl.standardError()}, "KL between Gaussians");
        double[] moments = meanAndError(g.sample(100_000, new SplittableRandom(3)), r -> r[0]);
        assertWithin(1, moments, "Gaussian sampler mean");
    }

    /** The documented asymmetric bimodal case: its numbers, its quadrature and its mode split. */
    @Test
    void bimodalCaseNumbers() {
        Polynomial1D p = BIMODAL;
        assertArrayEquals(new double[] {0.10200763, 1.56814759, 0.03579029, -0.20741957}, p.eta(), 1e-7);
        assertArrayEquals(Polynomial1D.BIMODAL_MU, p.quadratureMoments(), 1e-11);
        assertEquals(3.85720439574, p.logZ(), 1e-9);
        assertEquals(1.26953027612, p.entropy(), 1e-9);
        // the entropy identity H = log Z - eta . mu against -E[log p*] by quadrature
        assertEquals(p.entropy(), -p.expectation(z -> p.logDensity(z)), 1e-12);
        assertEquals(p.entropy(), p.logZ() - MaxEntReference.dot(p.eta(), p.mu()), 1e-10);
        assertEquals(1, p.expectation(z -> 1), 1e-14);
        // a grid with twice the panels: nothing moves beyond roundoff
        Polynomial1D fine = p.withPanels(2 * Polynomial1D.PANELS);
        assertEquals(p.logZ(), fine.logZ(), 1e-13);
        assertArrayEquals(p.quadratureMoments(), fine.quadratureMoments(), 1e-12);
        assertArrayEquals(p.modeWeights(), fine.modeWeights(), 1e-13);
        // two modes, one dip
        assertEquals(1, p.splits().length);
        double split = p.splits()[0];
        assertEquals(-0.0325703407, split, 1e-8);
        assertEquals(2, p.modes().length);
        assertEquals(-1.8635953, p.modes()[0], 1e-6);
        assertEquals(2.0255783, p.modes()[1], 1e-6);
        double[] w = p.modeWeights();
        assertEquals(1, w[0] + w[1], 1e-15);
        assertEquals(0.30071644328, w[0], 1e-10);
        assertEquals(p.cdf(split), w[0], 1e-15);
        double dip = Math.exp(p.logDensity(split) - p.logDensity(p.modes()[0]));
        assertEquals(0.0801182, dip, 1e-6);
        // each mode's spread
        assertEquals(w[0], p.expectation(z -> 1, -5, split), 1e-14);
        double m0 = p.expectation(z -> z, -5, split) / w[0], s0 = p.expectation(z -> z * z, -5, split) / w[0];
        double m1 = p.expectation(z -> z, split, 5) / w[1], s1 = p.expectation(z -> z * z, split, 5) / w[1];
        assertEquals(-1.66336383, m0, 1e-8);
        assertEquals(1.85933280, m1, 1e-8);
        assertEquals(0.52159842, Math.sqrt(s0 - m0 * m0), 1e-8);
        assertEquals(0.49111579, Math.sqrt(s1 - m1 * m1), 1e-8);
        // from eta back to the same mu
        Polynomial1D back = Polynomial1D.fromEta(-5, 5, new int[] {1, 2, 3, 4}, p.eta());
        assertArrayEquals(Polynomial1D.BIMODAL_MU, back.mu(), 1e-11);
        assertEquals(p.entropy(), back.entropy(), 1e-12);
    }

    /** The bimodal case by Monte Carlo: its own exact sampler and uniform importance sampling on [-5, 5]. */
    @Test
    void bimodalCaseMonteCarlo() {
        Polynomial1D p = BIMODAL;
        double[] mu = p.mu();
        double split = p.splits()[0];
        double[][] z = p.sample(100_000, new SplittableRandom(4));
        for (int k = 0; k < 4; k++) {
            int power = k + 1;
            assertWithin(mu[k], meanAndError(z, r -> Math.pow(r[0], power)), "sampler E[z^" + power + "]");
        }
        assertWithin(p.modeWeights()[0], meanAndError(z, r -> r[0] < split ? 1 : 0), "sampler mass of the left mode");
        assertWithin(p.entropy(), meanAndError(z, r -> -p.logDensity(r)), "sampler -E[log p*]");
        for (double x : new double[] {-2.5, -1, 0.5, 2, 3}) {
            assertWithin(p.cdf(x), meanAndError(z, r -> r[0] <= x ? 1 : 0), "sampler CDF at " + x);
        }
        // uniform importance sampling: w = p* / (1/10)
        SplittableRandom rng = new SplittableRandom(5);
        int n = 200_000;
        double[][] u = new double[n][];
        double[] logq = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = new double[] {-5 + 10 * rng.nextDouble()};
            logq[i] = -Math.log(10);
        }
        assertWithin(1, meanAndError(u, r -> 10 * Math.exp(p.logDensity(r))), "importance weights average to 1");
        for (int k = 0; k < 4; k++) {
            int power = k + 1;
            assertWithin(
                    mu[k],
                    meanAndError(u, r -> 10 * Math.exp(p.logDensity(r)) * Math.pow(r[0], power)),
                    "importance-sampled E[z^" + power + "]");
        }
        // KL(uniform || p*) = -log 10 - eta . E_U[T] + log Z, with E_U[z^k] = (5^(k+1) - (-5)^(k+1)) / (10 (k+1))
        double[] eta = p.eta();
        double exact = -Math.log(10) + p.logZ();
        for (int k = 0; k < 4; k++) exact -= eta[k] * (Math.pow(5, k + 2) - Math.pow(-5, k + 2)) / (10 * (k + 2));
        MaxEntReference.Estimate kl = p.klEstimate(u, logq);
        assertWithin(exact, new double[] {kl.value(), kl.standardError()}, "KL(uniform || bimodal)");
    }

    /** A symmetric bimodal density from even powers only, built from mu: equal mode weights. */
    @Test
    void evenPowersGiveEqualModes() {
        Polynomial1D p = Polynomial1D.fromMu(-4, 4, new int[] {2, 4}, new double[] {2, 5});
        assertArrayEquals(new double[] {2, 5}, p.quadratureMoments(), 1e-11);
        assertEquals(2, p.modeWeights().length);
        assertEquals(0.5, p.modeWeights()[0], 1e-13);
        assertEquals(0, p.splits()[0], 1e-12);
    }

    /** g(tau, omega) against brute-force quadrature over delta, and its integral against the 23/72 law. */
    @Test
    void linearSystemDensityOfStates() {
        LinearSystem2D s = OSCILLATOR;
        for (double[] point : new double[][] {{0.3, 6}, {3, 7.5}, {-9.5, 1}, {0, 9.9}, {-2.2, 6.28}}) {
            double t = point[0], w = point[1];
            double dMax = Math.min(10 - Math.abs(t), Math.sqrt(100 - w * w));
            double brute = 0;
            int panels = 2000;
            for (int k = 0; k < panels; k++) {
                double a = -dMax + 2 * dMax * k / panels, b = -dMax + 2 * dMax * (k + 1) / panels;
                brute += GaussLegendre.G16.integrate(x -> 8 * w * Math.log(100 / (x * x + w * w)), a, b);
            }
            assertEquals(brute, s.densityOfStates(t, w), 1e-10 * brute, "g at " + t + ", " + w);
        }
        assertEquals(Math.pow(20, 4) * 23 / 72, s.complexVolume(), 1e-9 * Math.pow(20, 4));
        assertEquals(0, s.densityOfStates(0, 10.5));
        assertEquals(0, s.densityOfStates(10.5, 1));
    }

    /** The solved oscillator problem: documented numbers, moments, entropy, the neglected real region. */
    @Test
    void linearSystemNumbers() {
        LinearSystem2D s = OSCILLATOR;
        assertArrayEquals(new double[] {0, -1.99999630, 0.25669766, -1.92969095}, s.eta(), 1e-7);
        assertArrayEquals(new double[] {0, 0.25, 2 * Math.PI, 0.25}, s.quadratureMoments(), 1e-11);
        assertEquals(8.14724076041, s.logZ(), 1e-9);
        assertEquals(7.51678363123, s.entropy(), 1e-9);
        assertEquals(s.entropy(), s.logZ() - MaxEntReference.dot(s.eta(), s.mu()), 1e-10);
        assertTrue(s.logRealMassBound() < -70, "real-region mass bound exp(" + s.logRealMassBound() + ")");
        assertArrayEquals(new double[] {0.5, 0.5}, s.modeWeights());
        // the density in z and the marginal density of (Re, Im) agree with the definitions
        double[] z = {0.4, -5, 7.2, -0.3};
        double[] lambda = LinearSystem2D.principalEigenvalue(z[0], z[1], z[2], z[3]);
        assertEquals(0.05, lambda[0], 1e-15);
        assertEquals(Math.sqrt(36 - 0.35 * 0.35), lambda[1], 1e-14);
        assertEquals(MaxEntReference.dot(s.eta(), s.statistics(z)) - s.logZ(), s.logDensity(z), 1e-15);
        assertEquals(s.logDensity(z), s.logDensity(z[0], -z[1], -z[2], z[3]), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, s.logDensity(0, 10.5, -3, 0));
        assertEquals(
                s.logDensity(z) + Math.log(s.densityOfStates(lambda[0], lambda[1])),
                s.marginalLogDensity(lambda[0], lambda[1]),
                1e-12);
    }

    /** The exact sampler reproduces mu, the entropy and the even split of b's sign. */
    @Test
    void linearSystemSampler() {
        LinearSystem2D s = OSCILLATOR;
        double[][] z = s.sample(50_000, new SplittableRandom(6));
        for (double[] row : z) for (double v : row) assertTrue(Math.abs(v) < 10, "draw outside the box");
        double[] mu = s.mu();
        for (int k = 0; k < 4; k++) {
            int j = k;
            assertWithin(mu[k], meanAndError(z, r -> s.statistics(r)[j]), "sampler E[T_" + k + "]");
        }
        assertWithin(0.5, meanAndError(z, r -> r[1] > 0 ? 1 : 0), "sampler P(b > 0)");
        assertWithin(s.entropy(), meanAndError(z, r -> -s.logDensity(r)), "sampler -E[log p*]");
        double[] logp = new double[z.length];
        for (int i = 0; i < z.length; i++) logp[i] = s.logDensity(z[i]);
        assertEquals(0, s.kl(z, logp), 1e-12, "KL(p* || p*)");
    }

    /**
     * Plain Monte Carlo over the 4-D box (uniform proposal, weights p* times the box volume), which
     * knows nothing of the density of states: the weights average to 1 (log Z right), the
     * self-normalised moments are mu, the entropy and P(b > 0) agree, and so do two functionals of
     * the draws the sampler makes (E[log |b|] and P(|a - d| / 2 < 2)).
     */
    @Test
    void linearSystemUniformImportanceSampling() {
        LinearSystem2D s = OSCILLATOR;
        SplittableRandom rng = new SplittableRandom(7);
        int n = 2_000_000;
        double volume = Math.pow(20, 4);
        double sw = 0, sww = 0;
        double[] sh = new double[8], swwh = new double[8], swwh2 = new double[8];
        double[] h = new double[8];
        double[] z = new double[4];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) z[j] = -10 + 20 * rng.nextDouble();
            double lp = s.logDensity(z), w = Math.exp(lp) * volume;
            if (w == 0) continue;
            double[] t = s.statistics(z);
            System.arraycopy(t, 0, h, 0, 4);
            h[4] = z[1] > 0 ? 1 : 0;
            h[5] = -lp;
            h[6] = Math.log(Math.abs(z[1]));
            h[7] = Math.abs(z[0] - z[3]) / 2 < 2 ? 1 : 0;
            sw += w;
            sww += w * w;
            for (int k = 0; k < 8; k++) {
                sh[k] += w * h[k];
                swwh[k] += w * w * h[k];
                swwh2[k] += w * w * h[k] * h[k];
            }
        }
        assertWithin(
                1,
                new double[] {sw / n, Math.sqrt((sww / n - (sw / n) * (sw / n)) / n)},
                "importance weights average to 1");
        double[] expected = {0, 0.25, 2 * Math.PI, 0.25, 0.5, s.entropy()};
        double[] estimate = new double[8], error = new double[8];
        for (int k = 0; k < 8; k++) {
            estimate[k] = sh[k] / sw; // self-normalised; delta-method standard error
            error[k] =
                    Math.sqrt(Math.max(0, swwh2[k] - 2 * estimate[k] * swwh[k] + estimate[k] * estimate[k] * sww)) / sw;
        }
        for (int k = 0; k < 6; k++)
            assertWithin(expected[k], new double[] {estimate[k], error[k]}, "importance-sampled quantity " + k);
        double[][] draws = s.sample(50_000, new SplittableRandom(8));
        double[] logB = meanAndError(draws, r -> Math.log(Math.abs(r[1])));
        double[] narrow = meanAndError(draws, r -> Math.abs(r[0] - r[3]) / 2 < 2 ? 1 : 0);
        assertTrue(
                Math.abs(logB[0] - estimate[6]) < Z_TOL * Math.hypot(logB[1], error[6]),
                "E[log|b|]: " + logB[0] + " vs " + estimate[6]);
        // E[log |b|] = 1.9449256 by an independent nested quadrature directly in (delta, b, c) (numpy)
        assertWithin(1.9449256, logB, "sampler E[log |b|]");
        assertTrue(
                Math.abs(narrow[0] - estimate[7]) < Z_TOL * Math.hypot(narrow[1], error[7]),
                "P(|delta| < 2): " + narrow[0] + " vs " + estimate[7]);
    }
}
