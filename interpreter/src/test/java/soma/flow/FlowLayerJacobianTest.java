package soma.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soma.random.Rng;

/**
 * Every layer kind, including the deeper conditioners (coupling and maf with 2 hidden layers) and
 * the rational-quadratic spline in 1 to 4 dimensions, against numerics: log|det J| against the
 * log-determinant of a central-difference Jacobian, inverse(forward(z)) = z, and the hand-written
 * backward pass against central differences of L = sum(a . f(z)) + b . log|det| in the parameters
 * and the input. Spline points are drawn wide, so some fall in the identity tails outside the
 * spline's interval.
 */
class FlowLayerJacobianTest {
    private record Case(Layer layer, double spread) {
        String name() {
            return layer.describe() + " d=" + layer.dim;
        }
    }

    private static Layer build(String kind, int d, Object... options) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) o.put((String) options[i], options[i + 1]);
        return Layers.build(new LayerSpec(kind, o), d);
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (int d = 1; d <= 4; d++) {
            for (String k : List.of("planar", "radial", "scale", "shift", "affine", "batchnorm", "positive"))
                out.add(new Case(build(k, d), 1.2));
            out.add(new Case(build("box", d, "lo", -1.0, "hi", 3.0), 1.2));
            out.add(new Case(build("maf", d, "hidden", 6.0), 1.2));
            out.add(new Case(build("maf", d, "hidden", 5.0, "layers", 2.0), 1.2));
            out.add(new Case(build("maf", d, "hidden", 4.0, "layers", 3.0), 1.2));
            out.add(new Case(build("spline", d, "bins", 8.0, "hidden", 5.0), 2.5));
            out.add(new Case(build("spline", d, "bins", 5.0, "hidden", 4.0, "layers", 2.0, "bound", 1.5), 2.0));
            if (d >= 2) {
                out.add(new Case(build("permute", d), 1.2));
                out.add(new Case(build("coupling", d, "hidden", 5.0), 1.2));
                out.add(new Case(build("coupling", d, "hidden", 5.0, "layers", 2.0), 1.2));
            }
        }
        out.add(new Case(build("permute", 4, "order", List.of(2.0, 0.0, 3.0, 1.0)), 1.2));
        return out;
    }

    /** Parameters away from the identity start (splines get a second push, so their bins differ visibly). */
    private static double[] parameters(Case c, Rng rng) {
        double[] theta = FlowLayerTest.parameters(c.layer, rng);
        if (c.layer instanceof SplineCoupling)
            for (int i = 0; i < theta.length; i++) theta[i] += 0.5 * rng.nextGaussian();
        return theta;
    }

    private static double[] points(int n, int d, double spread, Rng rng) {
        double[] z = new double[n * d];
        for (int i = 0; i < z.length; i++) z[i] = spread * rng.nextGaussian();
        return z;
    }

    @Test
    void logDeterminantMatchesNumericalJacobian() {
        Rng rng = new Rng(101);
        int tails = 0;
        for (Case c : cases()) {
            Layer l = c.layer;
            double[] theta = parameters(c, rng);
            int d = l.dim, n = 8;
            double[] z = points(n, d, c.spread, rng), out = new double[n * d], ld = new double[n];
            l.forward(theta, z, out, ld, n, false);
            for (int s = 0; s < n; s++) {
                double[] jac = jacobian(l, theta, z, s);
                double numeric = FlowLayerTest.logAbsDet(jac, d);
                assertEquals(numeric, ld[s], 1e-6 * Math.max(1, Math.abs(numeric)), c.name() + " point " + s);
                if (l instanceof Autoregressive) { // MADE: coordinate i may not depend on coordinates i, i + 1, ...
                    for (int i = 0; i < d; i++)
                        for (int j = i + 1; j < d; j++)
                            assertEquals(0, jac[i * d + j], c.name() + " dz'_" + i + "/dz_" + j);
                }
            }
            if (l instanceof SplineCoupling)
                for (double v : z) if (Math.abs(v) > ((Number) l.options().get("bound")).doubleValue()) tails++;
        }
        assertTrue(tails > 10, "spline points in the tails: " + tails);
    }

    /** Central differences, one input coordinate at a time. */
    private static double[] jacobian(Layer l, double[] theta, double[] z, int s) {
        int d = l.dim;
        double[] jac = new double[d * d], fp = new double[d], fm = new double[d];
        for (int j = 0; j < d; j++) {
            double h = 1e-5 * Math.max(1, Math.abs(z[s * d + j]));
            double[] plus = new double[d], minus = new double[d];
            System.arraycopy(z, s * d, plus, 0, d);
            System.arraycopy(z, s * d, minus, 0, d);
            plus[j] += h;
            minus[j] -= h;
            l.forward(theta, plus, fp, new double[1], 1, false);
            l.forward(theta, minus, fm, new double[1], 1, false);
            for (int i = 0; i < d; i++) jac[i * d + j] = (fp[i] - fm[i]) / (2 * h);
        }
        return jac;
    }

    @Test
    void inverseUndoesForward() {
        Rng rng = new Rng(102);
        for (Case c : cases()) {
            Layer l = c.layer;
            double[] theta = parameters(c, rng);
            int d = l.dim, n = 40;
            double[] z = points(n, d, c.spread, rng), out = new double[n * d], ld = new double[n];
            l.forward(theta, z, out, ld, n, false);
            double[] back = new double[n * d], ldBack = new double[n];
            l.inverse(theta, out, back, ldBack, n);
            for (int i = 0; i < z.length; i++)
                assertEquals(z[i], back[i], 1e-9 * Math.max(1, Math.abs(z[i])), c.name());
            for (int s = 0; s < n; s++)
                assertEquals(ld[s], ldBack[s], 1e-9 * Math.max(1, Math.abs(ld[s])), c.name() + " log det");
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Rng rng = new Rng(103);
        for (Case c : cases()) {
            Layer l = c.layer;
            double[] theta = parameters(c, rng);
            int d = l.dim, n = 7;
            double[] z = points(n, d, c.spread, rng), a = points(n, d, 1, rng), b = points(n, 1, 1, rng);
            double[] gIn = new double[n * d], gTheta = new double[theta.length];
            l.backward(theta, z, a, b, gIn, gTheta, n, false);
            checkAgainstDifferences(z, gIn, () -> loss(l, theta, z, a, b, n), c.name() + " dL/dz");
            checkAgainstDifferences(theta, gTheta, () -> loss(l, theta, z, a, b, n), c.name() + " dL/dtheta");
        }
    }

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

    private static double loss(Layer l, double[] theta, double[] z, double[] a, double[] b, int n) {
        double[] out = new double[z.length], ld = new double[n];
        l.forward(theta, z, out, ld, n, false);
        double sum = 0;
        for (int i = 0; i < out.length; i++) sum += a[i] * out[i];
        for (int s = 0; s < n; s++) sum += b[s] * ld[s];
        return sum;
    }

    /**
     * A new spline is the identity up to its small random output layer (0.01-scale weights move
     * points by a few hundredths), and exactly the identity in dim 1, where its free parameters start at zero.
     */
    @Test
    void splinesStartAtTheIdentity() {
        for (int d = 1; d <= 4; d++) {
            Layer l = build("spline", d, "bins", 8.0, "layers", 2.0);
            double[] theta = new double[l.paramCount()];
            l.init(theta, new Rng(104));
            int n = 50;
            double[] z = points(n, d, 2, new Rng(105)), out = new double[n * d], ld = new double[n];
            l.forward(theta, z, out, ld, n, false);
            double tol = d == 1 ? 1e-12 : 0.1;
            for (int i = 0; i < z.length; i++) assertEquals(z[i], out[i], tol * Math.max(1, Math.abs(z[i])), "d=" + d);
            for (double v : ld) assertEquals(0, v, tol, "log det, d=" + d);
        }
    }

    /** Linear tails: value and slope are continuous at +-bound, where the spline meets the identity. */
    @Test
    void splineJoinsItsTailsSmoothly() {
        Rng rng = new Rng(106);
        RationalQuadratic rq = new RationalQuadratic(6, 2.5);
        double[] raw = new double[RationalQuadratic.rawCount(6)];
        for (int i = 0; i < raw.length; i++) raw[i] = 1.5 * rng.nextGaussian();
        rq.set(raw, 0);
        for (double edge : new double[] {-2.5, 2.5}) {
            for (double side : new double[] {-1, 1}) {
                double x = edge + side * 1e-9;
                assertEquals(x, rq.forward(x), 1e-8, "value near " + edge);
                assertEquals(0, rq.logDet, 1e-6, "log slope near " + edge);
            }
        }
        // and it is monotone in between, even with uneven bins
        double prev = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 10_000; i++) {
            double y = rq.forward(-3 + 6e-4 * i);
            assertTrue(y > prev, "monotone at " + (-3 + 6e-4 * i));
            prev = y;
        }
    }

    @Test
    void newOptionsSurviveSavingAndLoading(@TempDir Path dir) throws Exception {
        Map<String, Object> spline =
                new LinkedHashMap<>(Map.of("bins", 6.0, "hidden", 7.0, "layers", 2.0, "bound", 2.5));
        List<LayerSpec> specs = List.of(
                new LayerSpec("coupling", Map.of("hidden", 5.0, "layers", 2.0)),
                new LayerSpec("permute", Map.of()),
                new LayerSpec("maf", Map.of("hidden", 4.0, "layers", 3.0)),
                new LayerSpec("spline", spline),
                new LayerSpec("coupling", Map.of("hidden", 3.0)));
        Rng rng = new Rng(107);
        Flow f = new Flow("deep", 3, specs, rng);
        for (int i = 0; i < f.theta.length; i++) f.theta[i] += 0.3 * rng.nextGaussian();
        Path file = dir.resolve("deep.json");
        FlowJson.save(f, file);
        String json = Files.readString(file);
        assertTrue(json.contains("\"bound\": 2.5") && json.contains("\"bins\": 6.0"), json);
        Flow g = FlowJson.load(file);
        assertEquals(f.describeLayers(), g.describeLayers());
        assertEquals("coupling(hidden: 5, layers: 2)", g.layers.get(0).describe());
        assertEquals("maf(hidden: 4, layers: 3)", g.layers.get(2).describe());
        assertEquals("coupling(hidden: 3)", g.layers.get(4).describe());
        assertEquals(f.theta.length, g.theta.length);
        double[] z = f.forward(f.drawBase(30, new Rng(108)), 30, false).z();
        double[] a = f.logProb(z, 30), b = g.logProb(z, 30);
        for (int s = 0; s < 30; s++) assertEquals(a[s], b[s], 0, "log q after loading");
    }

    /** A file written before layers: existed has hidden only; it loads as one hidden layer, with the old parameter count. */
    @Test
    void filesWithoutLayersLoadWithOneHiddenLayer() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "soma-flow");
        m.put("version", 1);
        m.put("name", "old");
        m.put("dim", 2.0);
        m.put("layers", List.of(Map.of("kind", "coupling", "hidden", 4.0), Map.of("kind", "maf", "hidden", 3.0)));
        int count = (4 * 1 + 4 + 2 * 4 + 2) + (3 * 2 + 3 + 4 * 3 + 4);
        List<Object> theta = new ArrayList<>();
        for (int i = 0; i < count; i++) theta.add(0.01 * i);
        m.put("theta", theta);
        Flow f = FlowJson.fromMap(m, "old.json");
        assertEquals(count, f.theta.length);
        assertEquals(
                List.of("coupling(hidden: 4)  (18 parameters)", "maf(hidden: 3)  (25 parameters)"), f.describeLayers());
        assertTrue(!FlowJson.toMap(f).toString().contains("layers=1"), "layers: 1 is not written");
    }
}
