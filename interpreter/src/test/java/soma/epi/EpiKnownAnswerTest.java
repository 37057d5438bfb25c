package soma.epi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soma.flow.Flow;
import soma.flow.FlowJson;
import soma.flow.FlowOps;
import soma.golden.ScriptRunner;
import soma.random.Rng;

/**
 * EPI against maximum-entropy answers computed another way ({@link MaxEntReference}: quadrature and
 * a convex solve, no EPI). Each script trains with epi() and saves the flow; the test then draws
 * 5,000 fresh samples from the saved flow with its own generator and checks, against the exact
 * density p*: the entropy within 0.1 nats, KL(q || p*) below 0.1 nats (from log q and log p* at
 * the samples), the weight of each mode within 5 points, and the convergence verdict again (the
 * same Bonferroni z-tests, on the fresh samples). A run that finds one mode of two fails the KL
 * and weight checks by ln 2 and 50 points.
 */
class EpiKnownAnswerTest {
    private static final int FRESH = 5000;

    /** What the test reads off the fresh samples. */
    private record Verdict(double entropy, double kl, double[] weights, boolean testsPass, double[] pValues) {}

    /**
     * Fresh samples of the saved flow; log p* and the mode of each sample from the reference; T of
     * each sample (FRESH x m) for the tests.
     */
    private static Verdict check(
            Path flowFile,
            ToDoubleFunction<double[]> logExact,
            ToIntFunction<double[]> mode,
            int modes,
            Function<double[], double[]> statistics,
            double[] mu) {
        Flow q = FlowJson.load(flowFile);
        double[][] drawn = FlowOps.draw(q, FRESH, new Rng(20261202));
        int d = q.dim, m = mu.length;
        double entropy = 0, kl = 0;
        double[] weights = new double[modes], t = new double[FRESH * m];
        for (int s = 0; s < FRESH; s++) {
            double[] z = Arrays.copyOfRange(drawn[0], s * d, s * d + d);
            entropy -= drawn[1][s] / FRESH;
            kl += (drawn[1][s] - logExact.applyAsDouble(z)) / FRESH;
            weights[mode.applyAsInt(z)] += 1.0 / FRESH;
            System.arraycopy(statistics.apply(z), 0, t, s * m, m);
        }
        ConvergenceTest.Result r = ConvergenceTest.test(t, mu, FRESH, 0.05);
        return new Verdict(entropy, kl, weights, r.passed(), r.pValues());
    }

    private static void assertMaximumEntropy(Verdict v, double exactEntropy, double[] exactWeights, String printed) {
        String what = "\n" + printed + "\nfresh samples: H = " + v.entropy() + " (exact " + exactEntropy
                + "), KL(q || p*) = " + v.kl()
                + ", weights " + Arrays.toString(v.weights()) + " (exact " + Arrays.toString(exactWeights)
                + "), p-values "
                + Arrays.toString(v.pValues());
        System.out.println(what); // the numbers, also when the test passes (surefire keeps them in its report)
        assertTrue(printed.contains("converged at epoch"), "epi did not report convergence" + what);
        assertEquals(exactEntropy, v.entropy(), 0.1, "entropy" + what);
        assertTrue(v.kl() < 0.1, "KL(q || p*)" + what);
        for (int i = 0; i < exactWeights.length; i++)
            assertEquals(exactWeights[i], v.weights()[i], 0.05, "weight of mode " + i + what);
        assertTrue(v.testsPass(), "the verdict does not survive " + FRESH + " fresh samples" + what);
    }

    private static String run(String script, Path dir) {
        String file = dir.resolve("q.json").toString().replace("\\", "/");
        return ScriptRunner.runCode(script.replace("FLOW_FILE", file), "known_answer.soma");
    }

    /**
     * Moments of z, z^2, z^3, z^4 on [-5, 5] whose maximum-entropy answer exp(eta . T) has two modes
     * of unequal weight (0.30 and 0.70, at -1.86 and 2.03) with a dip of 8 % of the smaller peak
     * between them; a mixture of two flows.
     */
    @Test
    void asymmetricBimodalQuartic(@TempDir Path dir) {
        MaxEntReference.Polynomial1D p = MaxEntReference.Polynomial1D.bimodal();
        double[] mu = p.mu();
        String printed = run("""
                flow Bimodal(dim = 1) {
                    mixture 2
                    repeat 2 { planar }
                    scale
                    shift
                    support box(-5, 5)
                }
                constraint Quartic(z) {
                    x = z[:, 0]
                    E[x] == %s
                    E[x^2] == %s
                    E[x^3] == %s
                    E[x^4] == %s
                }
                let q = Bimodal().fit(gaussian(mean: [0.8], std: 2), iterations: 500)
                let r = epi(fn(z) = z, flow: q, property: Quartic, epochs: 10, iterations: 2000, batch: 400, lr: 0.005, c0: 10, seed: 1,
                            quiet: true)
                print(r)
                r.flow.save("FLOW_FILE")
                """.formatted(mu[0], mu[1], mu[2], mu[3]), dir);
        Verdict v = check(
                dir.resolve("q.json"),
                z -> p.logDensity(z[0]),
                z -> z[0] < p.splits()[0] ? 0 : 1,
                2,
                z -> new double[] {z[0], z[0] * z[0], z[0] * z[0] * z[0], z[0] * z[0] * z[0] * z[0]},
                mu);
        assertMaximumEntropy(v, p.entropy(), p.modeWeights(), printed);
    }

    /**
     * The oscillating linear system dx/dt = A x, A = [[a, b], [c, d]] in (-10, 10)^4, constrained on
     * its principal eigenvalue: two modes (b < 0 and b > 0) related by (b, c) -> (-b, -c), which
     * the flow declares as a symmetry.
     */
    @Test
    void oscillatingLinearSystemWithItsSymmetry(@TempDir Path dir) {
        MaxEntReference.LinearSystem2D p = MaxEntReference.LinearSystem2D.oscillator();
        String printed = run("""
                flow Matrices(dim = 4) {
                    repeat 6 { coupling(hidden: 32, layers: 2); permute(order: [1, 2, 3, 0]) }
                    scale
                    shift
                    support box(-10, 10)
                    symmetry (a, b, c, d) -> (a, -b, -c, d)
                }
                fn principal(z) {
                    let half = (z[:, 0] + z[:, 3]) / 2
                    let disc = half^2 - (z[:, 0] * z[:, 3] - z[:, 1] * z[:, 2])
                    {re: where(disc < 0, half, half + sqrt(abs(disc))), im: where(disc < 0, sqrt(abs(disc)), 0)}
                }
                constraint Oscillating(lambda) {
                    mean(lambda.re) == 0
                    std(lambda.re) == 0.5
                    mean(lambda.im) == 2 * pi
                    std(lambda.im) == 0.5
                }
                let q = Matrices().fit(gaussian(mean: [0, -2 * pi, 2 * pi, 0], std: 1), iterations: 500, batch: 500)
                let r = epi(principal, flow: q, property: Oscillating, epochs: 8, iterations: 1500, batch: 300, lr: 0.002, c0: 10,
                            scale_statistics: false, seed: 1, quiet: true)
                print(r)
                r.flow.save("FLOW_FILE")
                """, dir);
        Verdict v = check(
                dir.resolve("q.json"),
                z -> p.logDensity(z[0], z[1], z[2], z[3]),
                z -> z[1] < 0 ? 0 : 1,
                2,
                z -> {
                    double[] l = principalByEig(z);
                    return new double[] {l[0], l[0] * l[0], l[1], (l[1] - 2 * Math.PI) * (l[1] - 2 * Math.PI)};
                },
                new double[] {0, 0.25, 2 * Math.PI, 0.25});
        assertMaximumEntropy(v, p.entropy(), new double[] {0.5, 0.5}, printed);
    }

    /** The principal eigenvalue (re, |im|) of [[a, b], [c, d]] by EJML's eigen-decomposition: computed another way than the script's closed form. */
    private static double[] principalByEig(double[] z) {
        DMatrixRMaj a = new DMatrixRMaj(2, 2, true, z);
        var eig = DecompositionFactory_DDRM.eig(2, false);
        if (!eig.decompose(a)) throw new AssertionError("eig failed for " + Arrays.toString(z));
        double re = Double.NEGATIVE_INFINITY, im = 0;
        for (int i = 0; i < 2; i++) {
            var e = eig.getEigenvalue(i);
            if (e.getReal() > re) {
                re = e.getReal();
                im = Math.abs(e.getImaginary());
            }
        }
        return new double[] {re, im};
    }

    /** No constraint on a box: the uniform distribution, entropy log(area). */
    @Test
    void uniformOnABox(@TempDir Path dir) {
        String printed = run("""
                flow Q(dim = 2) {
                    repeat 6 { planar }
                    scale
                    shift
                    support box(0, 2)
                }
                constraint Centred(z) {
                    mean(z[:, 0]) == 1
                }
                let r = epi(fn(z) = z, flow: Q(), property: Centred, epochs: 3, iterations: 1500, batch: 500, lr: 0.01, quiet: true,
                            until_converged: false)
                print(r)
                r.flow.save("FLOW_FILE")
                """, dir);
        Verdict v = check(
                dir.resolve("q.json"),
                z -> z[0] > 0 && z[0] < 2 && z[1] > 0 && z[1] < 2 ? -Math.log(4) : Double.NEGATIVE_INFINITY,
                z -> z[0] < 1 ? 0 : 1,
                2,
                z -> new double[] {z[0]},
                new double[] {1});
        assertMaximumEntropy(v, Math.log(4), new double[] {0.5, 0.5}, printed);
    }

    /** Mean and variance on the real line: the Gaussian N(1, 0.5^2). */
    @Test
    void gaussianFromMeanAndVariance(@TempDir Path dir) {
        String printed = run("""
                flow Flexible(dim = 1) {
                    repeat 2 { planar }
                    scale
                    shift
                }
                constraint MeanVar(z) {
                    x = z[:, 0]
                    mean(x) == 1
                    var(x) == 0.25
                }
                let r = epi(fn(z) = z, flow: Flexible(), property: MeanVar, epochs: 8, iterations: 1000, batch: 200, lr: 0.01, c0: 10,
                            quiet: true)
                print(r)
                r.flow.save("FLOW_FILE")
                """, dir);
        BiFunction<Double, Double, Double> normal =
                (x, s) -> -0.5 * Math.log(2 * Math.PI * s * s) - 0.5 * x * x / (s * s);
        Verdict v = check(
                dir.resolve("q.json"),
                z -> normal.apply(z[0] - 1, 0.5),
                z -> z[0] < 1 ? 0 : 1,
                2,
                z -> new double[] {z[0], (z[0] - 1) * (z[0] - 1)},
                new double[] {1, 0.25});
        assertMaximumEntropy(v, 0.5 * Math.log(2 * Math.PI * Math.E * 0.25), new double[] {0.5, 0.5}, printed);
    }
}
