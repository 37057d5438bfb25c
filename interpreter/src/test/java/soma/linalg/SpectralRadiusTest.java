package soma.linalg;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import soma.random.Rng;
import soma.tensor.Tensor;

/**
 * The circular law: a random N x N matrix with i.i.d. entries of variance g^2/N has its
 * eigenvalues spread uniformly over the disc of radius g (Girko; Bai), so its spectral radius
 * tends to g. This is the classic result behind the transition to chaos in random rate networks
 * (Sompolinsky, Crisanti and Sommers 1988), and the reason eigvals must be fast at N = 1000.
 */
class SpectralRadiusTest {
    @Test
    void randomConnectivityHasSpectralRadiusG() {
        int n = 1000;
        double g = 1.1;
        Tensor j = new Rng(2024).normal(0, g / Math.sqrt(n), n, n);
        long t0 = System.nanoTime();
        Tensor w = Linalg.eigvals(j);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double radius = 0, meanRe = 0, outside = 0;
        for (int i = 0; i < n; i++) {
            double m = Math.hypot(w.get(i), w.getImag(i));
            radius = Math.max(radius, m);
            meanRe += w.get(i) / n;
            if (m > g) outside++;
        }
        assertEquals(g, radius, 0.05 * g, "spectral radius");
        assertEquals(0, meanRe, 0.01, "trace/N = mean eigenvalue, ~N(0, g^2/N^2)");
        assertTrue(outside < 0.02 * n, "almost all eigenvalues inside the disc of radius g, " + outside + " outside");
        // the sum of the eigenvalues is the trace, to rounding
        double sumRe = 0;
        for (int i = 0; i < n; i++) sumRe += w.get(i);
        assertEquals(Linalg.trace(j).scalarValue(), sumRe, 1e-9);
        // No assertion on the time (it would be flaky on a loaded machine); about 3 s when idle.
        System.out.printf(Locale.ROOT, "eigvals 1000x1000: %.2f s, spectral radius %.4f%n", seconds, radius);
    }
}
