package soma.epi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soma.golden.ScriptRunner;
import soma.golden.SomaNumbers;

/** epi() end to end on problems whose maximum-entropy answer is known, plus resuming and gradients. */
class EpiScriptTest {
    /**
     * On a box, the maximum-entropy distribution with the box's own mean (1/2) is uniform: eta = 0,
     * variance 1/12, entropy 0. (An empty constraint is an error, so the mean is the constraint.)
     */
    @Test
    void noConstraintOnABoxGivesTheUniformDistribution() {
        double[] v = SomaNumbers.of("""
                flow Q(dim = 2) {
                    repeat 6 { planar }
                    scale
                    shift
                    support box(0, 1)
                }
                constraint Centred(z) {
                    mean(z[:, 0]) == 0.5
                    mean(z[:, 1]) == 0.5
                }
                let r = epi(fn(z) = z, flow: Q(), property: Centred, epochs: 2, iterations: 1500, batch: 500, lr: 0.01,
                            until_converged: false, quiet: true)
                let s = r.samples(40000)
                print(mean(s, axis: 0), var(s, axis: 0), r.flow.entropy(40000))
                """);
        for (int j = 0; j < 2; j++) {
            assertEquals(0.5, v[j], 0.02, "mean");
            assertEquals(1.0 / 12, v[2 + j], 0.006, "variance");
        }
        assertTrue(v[4] > -0.03 && v[4] <= 0.01, "entropy " + v[4] + " should approach log(1) = 0");
    }

    /**
     * Maximum entropy with a given mean and variance on the real line is the Gaussian with those
     * moments: the Gaussian family (scale and shift) must land on it, and a more flexible flow
     * (planar layers in front) must come close to its entropy, which no distribution with those
     * moments can exceed.
     */
    @Test
    void meanAndVarianceConstraintsGiveTheGaussian() {
        double[] v = SomaNumbers.of("""
                flow Family(dim = 1) {
                    scale
                    shift
                }
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
                for q in [Family(), Flexible()] {
                    let r = epi(fn(z) = z, flow: q, property: MeanVar, epochs: 8, iterations: 1000, batch: 200, lr: 0.01, c0: 10,
                                until_converged: false, quiet: true)
                    let x = r.samples(40000)[:, 0]
                    print(mean(x), std(x), r.flow.entropy(40000))
                }
                """);
        double gaussian = 0.5 * Math.log(2 * Math.PI * Math.E * 0.25);
        assertEquals(1, v[0], 0.03, "mean");
        assertEquals(0.5, v[1], 0.03, "std");
        assertEquals(gaussian, v[2], 0.04, "entropy of N(1, 0.25)");
        assertEquals(1, v[3], 0.05, "mean (flexible flow)");
        assertEquals(0.5, v[4], 0.05, "std (flexible flow)");
        assertTrue(
                v[5] < gaussian + 0.03 && v[5] > gaussian - 0.1,
                "entropy " + v[5] + " against the maximum " + gaussian);
    }

    /** A run killed after epoch 2 and resumed from its checkpoint ends exactly where an uninterrupted run does. */
    @Test
    void resumingAfterAKillGivesTheSameResult(@TempDir Path dir) {
        String setup = """
                flow G(dim = 2) {
                    repeat 2 { planar }
                    scale
                    shift
                }
                constraint Spread(z) {
                    x = z[:, 0] + z[:, 1]
                    mean(x) == 1
                    std(x) == 0.5
                }
                """;
        String options =
                "property: Spread, iterations: 60, batch: 50, lr: 0.01, until_converged: false, quiet: true, seed: 7";
        String whole = ScriptRunner.runCode(
                setup + "seed(3)\nlet r = epi(fn(z) = z, flow: G(), " + options + ", epochs: 3)\n"
                        + "print(r.flow.parameters)\n",
                "whole.soma");
        String ckpt = dir.resolve("run.json").toString().replace("\\", "/");
        String first = ScriptRunner.runCode(
                setup + "seed(3)\nlet r = epi(fn(z) = z, flow: G(), " + options + ", epochs: 2, checkpoint: \"" + ckpt
                        + "\")\nprint(r.epochs)\n",
                "first.soma");
        assertEquals("2", first.strip());
        String resumed = ScriptRunner.runCode(
                setup + "seed(99)\nlet r = epi(fn(z) = z, flow: G(), " + options + ", epochs: 3, checkpoint: \"" + ckpt
                        + "\", resume: true)\nprint(r.flow.parameters)\n",
                "resumed.soma");
        assertEquals(whole, resumed);
    }

    /**
     * The gradient epi uses for a simulated model (forward sensitivities, then central differences
     * of the statistic along them) against central differences of the whole pipeline, simulation
     * included, on the STG circuit's hub frequency.
     */
    @Test
    void simulatedGradientsMatchFiniteDifferencesOfTheWholePipeline() {
        double[] v = SomaNumbers.of("""
                import stg
                constraint Hub(sim) {
                    f = hub_frequency(sim.V[:, :, 2], dt: 0.025)
                    mean(f) == 0.525
                    std(f) == 0.025
                }
                let z = [[6, 1.5], [3, 8], [12, 4]]
                let opts = {over: ["g_el", "g_synA"], steps: 200, dt: 0.025, method: "euler"}
                let s = property_statistics(STG(), Hub, z, over: ["g_el", "g_synA"], steps: 200, dt: 0.025, method: "euler", gradients: true)
                let h = 1e-4
                for j in [0, 1] {
                    let e = zeros(3, 2)
                    e[:, j] = h
                    let up = property_statistics(STG(), Hub, tensor(z) + e, over: ["g_el", "g_synA"], steps: 200, dt: 0.025, method: "euler")
                    let down = property_statistics(STG(), Hub, tensor(z) - e, over: ["g_el", "g_synA"], steps: 200, dt: 0.025, method: "euler")
                    print(flatten(s.dT[:, :, j]), flatten((up.T - down.T) / (2 * h)))
                }
                """);
        assertEquals(24, v.length);
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 6; i++) {
                double exact = v[j * 12 + i], fd = v[j * 12 + 6 + i];
                assertEquals(fd, exact, 1e-4 * Math.max(1e-3, Math.abs(fd)), "dT/dz" + j + " entry " + i);
            }
        }
    }
}
