package soma.epi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soma.golden.ScriptRunner;

/** Checkpoints: claimed before training, one run per file, stale files of a killed run cleaned, identical runs identical files. */
class CheckpointSafetyTest {
    @TempDir
    Path dir;

    /** The objective prints "trained" when first called: nothing may print before a checkpoint problem is reported. */
    private static String run(String checkpoint, String extra) {
        return """
                flow G(dim = 2) {
                    repeat 2 { planar }
                    scale
                    shift
                }
                constraint Spread(z) {
                    mean(z[:, 0] + z[:, 1]) == 1
                }
                let said = [false]
                fn model(z) {
                    if !said[0] { print("trained")
                        said[0] = true }
                    z
                }
                let r = epi(model, flow: G(), property: Spread, epochs: 2, iterations: 20, batch: 20, until_converged: false,
                            quiet: true, seed: 5, checkpoint: "%s"%s)
                print(r.epochs)
                """.formatted(checkpoint, extra);
    }

    private String path(String name) {
        return dir.resolve(name).toString().replace("\\", "/");
    }

    @Test
    void anUnwritableCheckpointIsReportedBeforeTraining() throws Exception {
        Files.writeString(dir.resolve("file"), "x");
        String out = ScriptRunner.runCode(run(path("file/ckpt.json"), ""), "c.soma");
        assertFalse(out.contains("trained"), out);
        assertTrue(
                out.contains("epi: cannot write the checkpoint " + path("file/ckpt.json")
                        + ": a part of the path is not a folder"),
                out);
        Files.createDirectory(dir.resolve("folder.json"));
        out = ScriptRunner.runCode(run(path("folder.json"), ""), "c.soma");
        assertFalse(out.contains("trained"), out);
        assertTrue(out.contains("it is a folder"), out);
    }

    @Test
    void twoRunsCannotShareACheckpoint() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(dir.resolve("ckpt.json.lock"), Long.toString(other.pid()));
            String out = ScriptRunner.runCode(run(path("ckpt.json"), ""), "c.soma");
            assertFalse(out.contains("trained"), out);
            assertTrue(
                    out.contains("epi: the checkpoint " + path("ckpt.json")
                            + " is being written by another run (process " + other.pid() + ")"),
                    out);
            assertFalse(Files.exists(dir.resolve("ckpt.json")));
        } finally {
            other.destroyForcibly().waitFor();
        }
        // a nested run in the same process on the same file
        String nested = run(path("n.json"), "")
                .replace(
                        "    z\n}",
                        "    epi(fn(y) = y, flow: G(), property: Spread, epochs: 1, iterations: 1, batch: 20, quiet: true, checkpoint: \""
                                + path("n.json") + "\")\n    z\n}");
        String out = ScriptRunner.runCode(nested, "n.soma");
        assertTrue(
                out.contains(
                        "epi: the checkpoint " + path("n.json") + " is being written by another run in this process"),
                out);
        assertFalse(Files.exists(dir.resolve("n.json.lock")), "released after the failed run");
    }

    /** A run killed with kill -9 leaves its lock and maybe a partial temporary file; the next run takes both over. */
    @Test
    void aKilledRunsLockAndTemporaryFileAreCleanedUp() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dir.resolve("ckpt.json.lock"), Long.toString(gone.pid()));
        Files.writeString(dir.resolve("ckpt.json.tmp"), "{\"format\": \"soma-epi-chec");
        String out = ScriptRunner.runCode(run(path("ckpt.json"), ""), "c.soma");
        assertEquals("trained\n2\n", out);
        assertFalse(Files.exists(dir.resolve("ckpt.json.lock")));
        assertFalse(Files.exists(dir.resolve("ckpt.json.tmp")));
        assertTrue(Files.readString(dir.resolve("ckpt.json")).startsWith("{\"format\":\"soma-epi-checkpoint\""));
    }

    @Test
    void identicalRunsWriteIdenticalCheckpoints() throws Exception {
        assertEquals("trained\n2\n", ScriptRunner.runCode(run(path("a.json"), ""), "a.soma"));
        assertEquals("trained\n2\n", ScriptRunner.runCode(run(path("b.json"), ""), "b.soma"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.json")), Files.readAllBytes(dir.resolve("b.json")));
    }

    /**
     * At the cap on c the overflow comes from a constraint the flow cannot meet, and the message
     * says so; below it, the old advice (smaller lr or c0) stands.
     */
    @Test
    void aNonFiniteGradientAtTheCapNamesTheConstraint() {
        String script = """
                flow G(dim = 1) {
                    scale
                    shift
                }
                constraint Huge(z) {
                    mean(z[:, 0]) == 1
                }
                epi(fn(z) = z * 1e200, flow: G(), property: Huge, epochs: 1, iterations: 5, batch: 20, quiet: true, scale_statistics: false, c0: C)
                """;
        String atCap = ScriptRunner.runCode(script.replace("C)", "1e12)"), "cap.soma");
        assertTrue(
                atCap.contains("the penalty c reached its cap (1.00e+12)")
                        && atCap.contains("the constraint cannot be met"),
                atCap);
        assertFalse(atCap.contains("smaller lr"), atCap);
        String below = ScriptRunner.runCode(script.replace("C)", "1)"), "low.soma");
        assertTrue(below.contains("try a smaller lr or a smaller c0"), below);
        assertEquals(Epi.nonFiniteGradient(AugmentedLagrangian.MAX_C, 3, 4).contains("cap"), true);
    }
}
