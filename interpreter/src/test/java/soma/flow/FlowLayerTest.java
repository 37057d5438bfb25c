package soma.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import soma.random.Rng;

/**
 * Every layer against finite differences: log|det J| against the log-determinant of a numerical
 * Jacobian, the hand-written gradients against central differences of a random loss, and
 * inverse(forward(z)) = z with the same log-determinant.
 */
class FlowLayerTest {
    /** Each kind at the dimensions it supports, with options. */
    static List<Layer> layers() {
        List<Layer> out = new ArrayList<>();
        for (int d : new int[] {1, 2, 3, 5}) {
            for (String k : List.of(
                    "planar", "radial", "scale", "shift", "affine", "maf", "batchnorm", "permute", "positive")) {
                out.add(Layers.build(new LayerSpec(k, Map.of("hidden", 6.0)), d));
            }
            out.add(Layers.build(new LayerSpec("positive", Map.of("map", "exp")), d));
            out.add(Layers.build(new LayerSpec("box", Map.of("lo", -1.0, "hi", 3.0)), d));
            out.add(Layers.build(new LayerSpec("box", Map.of("lo", 0.0, "hi", 20.0, "map", "tanh")), d));
            if (d >= 2) out.add(Layers.build(new LayerSpec("coupling", Map.of("hidden", 5.0)), d));
        }
        return out;
    }

    /** Random parameters away from the identity start, and random running statistics for batch norm. */
    static double[] parameters(Layer l, Rng rng) {
        l.offset = 0;
        double[] theta = new double[l.paramCount()];
        l.init(theta, rng);
        for (int i = 0; i < theta.length; i++) theta[i] += 0.5 * rng.nextGaussian();
        if (l instanceof BatchNorm) {
            List<Object> m = new ArrayList<>(), v = new ArrayList<>();
            for (int j = 0; j < l.dim; j++) {
                m.add(rng.nextGaussian());
                v.add(0.5 + rng.nextDouble());
            }
            l.restore(Map.of("running_mean", m, "running_var", v));
        }
        return theta;
    }

    /** Points in the layer's domain (positive/box supports take any real input; their inverse needs outputs inside). */
    static double[] points(int n, int d, Rng rng) {
        double[] z = new double[n * d];
        for (int i = 0; i < z.length; i++) z[i] = 1.2 * rng.nextGaussian();
        return z;
    }

    @Test
    void logDeterminantMatchesNumericalJacobian() {
        Rng rng = new Rng(1);
        for (Layer l : layers()) {
            double[] theta = parameters(l, rng);
            int d = l.dim, n = 6;
            double[] z = points(n, d, rng), out = new double[n * d], ld = new double[n];
            l.forward(theta, z, out, ld, n, false);
            for (int s = 0; s < n; s++) {
                double[] jac = new double[d * d];
                for (int j = 0; j < d; j++) {
                    double h = 1e-5 * Math.max(1, Math.abs(z[s * d + j]));
                    double[] plus = point(z, s, d), minus = point(z, s, d);
                    plus[j] += h;
                    minus[j] -= h;
                    double[] fp = new double[d], fm = new double[d];
                    l.forward(theta, plus, fp, new double[1], 1, false);
                    l.forward(theta, minus, fm, new double[1], 1, false);
                    for (int i = 0; i < d; i++) jac[i * d + j] = (fp[i] - fm[i]) / (2 * h);
                }
                double numeric = logAbsDet(jac, d);
                assertEquals(
                        numeric,
                        ld[s],
                        1e-6 * Math.max(1, Math.abs(numeric)),
                        l.describe() + " d=" + d + " point " + s);
            }
        }
    }

    @Test
    void inverseUndoesForward() {
        Rng rng = new Rng(2);
        for (Layer l : layers()) {
            double[] theta = parameters(l, rng);
            int d = l.dim, n = 20;
            double[] z = points(n, d, rng), out = new double[n * d], ld = new double[n];
            l.forward(theta, z, out, ld, n, false);
            double[] back = new double[n * d], ldBack = new double[n];
            l.inverse(theta, out, back, ldBack, n);
            for (int i = 0; i < z.length; i++)
                assertEquals(z[i], back[i], 1e-8 * Math.max(1, Math.abs(z[i])), l.describe() + " d=" + d);
            for (int s = 0; s < n; s++)
                assertEquals(ld[s], ldBack[s], 1e-8 * Math.max(1, Math.abs(ld[s])), l.describe() + " log det");
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Rng rng = new Rng(3);
        for (Layer l : layers()) {
            for (boolean training : new boolean[] {false, true}) {
                if (training && !(l instanceof BatchNorm)) continue;
                double[] theta = parameters(l, rng);
                int d = l.dim, n = 7;
                double[] z = points(n, d, rng), a = points(n, d, rng), b = points(n, 1, rng);
                double[] gIn = new double[n * d], gTheta = new double[theta.length];
                l.backward(theta, z, a, b, gIn, gTheta, n, training);
                String what = l.describe() + " d=" + d;
                checkAgainstDifferences(z, gIn, () -> loss(l, theta, z, a, b, n, training), what + " dL/dz");
                checkAgainstDifferences(theta, gTheta, () -> loss(l, theta, z, a, b, n, training), what + " dL/dtheta");
            }
        }
    }

    /** Each entry of the gradient against a central difference of the loss in that variable (changed in place and restored). */
    private static void checkAgainstDifferences(double[] x, double[] gradient, DoubleSupplier loss, String what) {
        for (int i = 0; i < x.length; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(x[i])), saved = x[i];
            x[i] = saved + h;
            double up = loss.getAsDouble();
            x[i] = saved - h;
            double down = loss.getAsDouble();
            x[i] = saved;
            double fd = (up - down) / (2 * h);
            assertEquals(fd, gradient[i], 1e-6 * Math.max(1, Math.abs(fd)), what + "[" + i + "]");
        }
    }

    @Test
    void planarLayersStayInvertibleForAnyRawParameters() {
        Rng rng = new Rng(4);
        for (int trial = 0; trial < 2000; trial++) {
            int d = 1 + trial % 4;
            Layer l = new Planar(d);
            double[] theta = new double[l.paramCount()];
            double scale = Math.pow(10, -2 + 4 * rng.nextDouble());
            for (int i = 0; i < theta.length; i++) theta[i] = scale * rng.nextGaussian();
            // the constrained u satisfies w.u >= -1, so 1 + (1 - tanh^2) w.u > 0 at every point
            double wu = 0, ww = 1e-12;
            for (int j = 0; j < d; j++) {
                wu += theta[j] * theta[d + j];
                ww += theta[j] * theta[j];
            }
            double kappa = (-1 + Layer.softplus(wu) - wu) / ww, uw = 0;
            for (int j = 0; j < d; j++) uw += (theta[d + j] + kappa * theta[j]) * theta[j];
            assertTrue(uw > -1 - 1e-9, "w.u = " + uw);
            double[] z = points(5, d, rng), out = new double[5 * d], ld = new double[5], back = new double[5 * d];
            l.forward(theta, z, out, ld, 5, false);
            l.inverse(theta, out, back, new double[5], 5);
            for (int i = 0; i < z.length; i++)
                assertEquals(z[i], back[i], 1e-6 * Math.max(1, Math.abs(z[i])) * Math.max(1, scale));
        }
    }

    private static double loss(Layer l, double[] theta, double[] z, double[] a, double[] b, int n, boolean training) {
        double[] out = new double[z.length], ld = new double[n];
        l.forward(theta, z, out, ld, n, training);
        double sum = 0;
        for (int i = 0; i < out.length; i++) sum += a[i] * out[i];
        for (int s = 0; s < n; s++) sum += b[s] * ld[s];
        return sum;
    }

    private static double[] point(double[] z, int s, int d) {
        double[] p = new double[d];
        System.arraycopy(z, s * d, p, 0, d);
        return p;
    }

    /** log|det| by LU with partial pivoting. */
    static double logAbsDet(double[] a, int d) {
        double[] m = a.clone();
        double sum = 0;
        for (int c = 0; c < d; c++) {
            int p = c;
            for (int r = c + 1; r < d; r++) if (Math.abs(m[r * d + c]) > Math.abs(m[p * d + c])) p = r;
            for (int k = 0; k < d; k++) {
                double t = m[c * d + k];
                m[c * d + k] = m[p * d + k];
                m[p * d + k] = t;
            }
            sum += Math.log(Math.abs(m[c * d + c]));
            for (int r = c + 1; r < d; r++) {
                double f = m[r * d + c] / m[c * d + c];
                for (int k = c; k < d; k++) m[r * d + k] -= f * m[c * d + k];
            }
        }
        return sum;
    }
}
