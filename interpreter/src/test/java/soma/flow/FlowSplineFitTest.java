package soma.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soma.golden.SomaNumbers;

/**
 * End to end: a one-dimensional spline flow declared in a script and fitted by maximum likelihood
 * (q.fit(x)) to samples of a bimodal mixture, which the Gaussian-shaped layers cannot represent.
 * The script saves the flow; the test reads it back and measures KL(p || q) against the exact
 * mixture density by quadrature.
 */
class FlowSplineFitTest {
    private static final double W = 0.3, M1 = -2, M2 = 1.5, S = 0.5;

    private static double mixture(double x) {
        double a = (x - M1) / S, b = (x - M2) / S;
        return (W * Math.exp(-0.5 * a * a) + (1 - W) * Math.exp(-0.5 * b * b)) / (S * Math.sqrt(2 * Math.PI));
    }

    @Test
    void splineFlowFitsABimodalMixture(@TempDir Path dir) {
        Path file = dir.resolve("q.json");
        double[] printed =
                SomaNumbers.of("""
                flow F(dim = 1) {
                    repeat 3 { spline(bins: 8) }
                    scale
                    shift
                }
                let n = 4000
                let x = where(rand(n) < %s, normal(%s, %s, [n]), normal(%s, %s, [n]))
                let q = F().fit(reshape(x, n, 1), iterations: 2000, lr: 0.01, batch: 500)
                q.save("%s")
                print(q.history.nll[-1])
                """.formatted(W, M1, S, M2, S, file.toString().replace("\\", "/")));
        Flow q = FlowJson.load(file);
        double lo = -8, hi = 8, h = 0.005;
        int n = (int) Math.round((hi - lo) / h) + 1;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = lo + i * h;
        double[] lq = q.logProb(x, n);
        double kl = 0, mass = 0;
        for (int i = 0; i < n; i++) {
            double p = mixture(x[i]);
            if (p > 0) kl += p * (Math.log(p) - lq[i]) * h;
            mass += Math.exp(lq[i]) * h;
        }
        assertEquals(1, mass, 1e-3, "q integrates to one");
        assertTrue(kl >= -1e-6 && kl < 0.05, "KL(p || q) = " + kl + " nats");
        // two modes with a valley between them, as the mixture has
        double valley = q.logProb(new double[] {-0.4}, 1)[0];
        assertTrue(
                q.logProb(new double[] {M1}, 1)[0] > valley + 1 && q.logProb(new double[] {M2}, 1)[0] > valley + 1,
                "bimodal");
        assertTrue(Double.isFinite(printed[0]), "final negative log-likelihood " + printed[0]);
    }
}
