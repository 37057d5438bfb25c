package soma.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import soma.random.Rng;
import soma.runtime.SomaError;
import soma.tensor.TensorException;

/**
 * Mixtures of flows and symmetric flows: their densities are normalised and invariant, and the
 * training gradient (through other components' inverses) matches finite differences.
 */
class MixtureTest {
    private static final double[] FLIP_2D = {-1, 0, 0, -1};
    private static final double[] SWAP_2D = {0, 1, 1, 0};

    private static Flow flow(int dim, int components, List<double[]> symmetries, long seed) {
        List<LayerSpec> specs = List.of(
                new LayerSpec("planar", Map.of()),
                new LayerSpec("planar", Map.of()),
                new LayerSpec("scale", Map.of()),
                new LayerSpec("shift", Map.of()));
        double[][] group = symmetries.isEmpty() ? null : Mixture.group(symmetries, dim);
        Flow f = new Flow("f", dim, specs, components, group, new Rng(seed));
        Rng r = new Rng(seed + 100);
        for (int i = 0; i < f.theta.length; i++)
            f.theta[i] += 0.4 * r.nextGaussian(); // away from the identity, components apart
        return f;
    }

    @Test
    void groupIsClosed() {
        assertEquals(2, Mixture.group(List.of(FLIP_2D), 2).length);
        assertEquals(4, Mixture.group(List.of(FLIP_2D, SWAP_2D), 2).length); // {I, -I, swap, -swap}
        double[] rot = {0, -1, 1, 0};
        assertEquals(4, Mixture.group(List.of(rot), 2).length);
        assertThrowsSoma(() -> Mixture.group(List.of(new double[] {2, 0, 0, 1}), 2));
    }

    @Test
    void densityIsNormalisedAndInvariant() {
        Flow f = flow(2, 2, List.of(FLIP_2D), 3);
        // invariance: log q(z) = log q(-z)
        double[] z = {0.3, -1.2, 2.0, 0.7};
        double[] lq = f.logProb(z, 2), lqFlipped = f.logProb(new double[] {-0.3, 1.2, -2.0, -0.7}, 2);
        assertEquals(lq[0], lqFlipped[0], 1e-9);
        assertEquals(lq[1], lqFlipped[1], 1e-9);
        // normalisation on a grid
        int m = 241;
        double lo = -12, h = 24.0 / (m - 1), mass = 0;
        double[] pts = new double[m * m * 2];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++) {
                pts[(i * m + j) * 2] = lo + i * h;
                pts[(i * m + j) * 2 + 1] = lo + j * h;
            }
        for (double v : f.logProb(pts, m * m)) mass += Math.exp(v) * h * h;
        assertEquals(1, mass, 2e-3);
        // samples' log q agrees with the density evaluated afresh
        double[][] s = Mixture.sample(f, 50, new Rng(9));
        double[] again = f.logProb(s[0], 50);
        for (int i = 0; i < 50; i++) assertEquals(again[i], s[1][i], 1e-9);
    }

    @Test
    void batchGradientMatchesFiniteDifferences() {
        check(flow(2, 2, List.of(), 5));
        check(flow(2, 1, List.of(FLIP_2D), 6));
        check(flow(2, 3, List.of(SWAP_2D), 7));
    }

    /** L = sum_s w_s (a . z_s + b log q(z_s)) with stratified weights w_s = pi_k / n_k, at fixed base draws. */
    private static void check(Flow f) {
        double[] a = {0.7, -0.4};
        double b = 0.9;
        int n = 12;
        Mixture.Batch batch = Mixture.batch(f, n, new Rng(42), true);
        double[] gZ = new double[n * 2], gLogQ = new double[n], gPi = new double[f.components()];
        for (int s = 0; s < n; s++) {
            int k = batch.component[s];
            double w = batch.pi[k] / batch.count[k];
            gZ[s * 2] = w * a[0];
            gZ[s * 2 + 1] = w * a[1];
            gLogQ[s] = w * b;
            gPi[k] += (a[0] * batch.z[s * 2] + a[1] * batch.z[s * 2 + 1] + b * batch.logQ[s]) / batch.count[k];
        }
        double[] g = batch.gradient(gZ, gLogQ, f.components() > 1 ? gPi : null);
        double eps = 1e-6;
        for (int i = 0; i < f.theta.length; i++) {
            double keep = f.theta[i];
            f.theta[i] = keep + eps;
            double up = loss(f, a, b, n);
            f.theta[i] = keep - eps;
            double down = loss(f, a, b, n);
            f.theta[i] = keep;
            double fd = (up - down) / (2 * eps);
            assertEquals(fd, g[i], 2e-5 * (1 + Math.abs(fd)), "parameter " + i + " of " + f.theta.length);
        }
    }

    private static double loss(Flow f, double[] a, double b, int n) {
        Mixture.Batch batch = Mixture.batch(f, n, new Rng(42), true);
        double l = 0;
        for (int s = 0; s < n; s++) {
            int k = batch.component[s];
            l += batch.pi[k] / batch.count[k] * (a[0] * batch.z[s * 2] + a[1] * batch.z[s * 2 + 1] + b * batch.logQ[s]);
        }
        return l;
    }

    private static void assertThrowsSoma(Runnable r) {
        try {
            r.run();
        } catch (SomaError | TensorException e) {
            return;
        }
        assertTrue(false, "expected a Soma error");
    }
}
