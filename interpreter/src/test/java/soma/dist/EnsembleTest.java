package soma.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soma.golden.ScriptRunner;

/** ensemble() in this process: settings, per-task seeds, errors naming the task, EPI results on the wire. */
class EnsembleTest {
    @Test
    void runsEveryCombinationFirstNameSlowest() {
        String out = ScriptRunner.runCode("""
                let rs = ensemble(fn(a, b) = a * 10 + b, over: {a: [1, 2], b: 1..4})
                print(len(rs))
                for r in rs { print(r.result) }
                print(rs[4].a, rs[4].b)
                let ls = ensemble(fn(x) = x * 2, over: [{x: 5}, {x: 7}])
                for r in ls { print(r.result) }
                """, "combinations.soma");
        assertEquals("6\n11\n12\n13\n21\n22\n23\n2 2\n10\n14\n", out);
    }

    /** Each task's generator comes from one draw of the session's and the task's index; the session moves by one draw. */
    @Test
    void taskSeedsDependOnTheRunSeedAndTheIndexOnly() {
        String code = """
                seed(3)
                let rs = ensemble(fn(k) = rand(), over: {k: 1..4})
                for r in rs { print(r.result) }
                print("after", rand())
                """;
        String first = ScriptRunner.runCode(code, "seeds.soma");
        assertEquals(first, ScriptRunner.runCode(code, "seeds.soma"));
        String oneDraw = ScriptRunner.runCode("seed(3)\nlet x = rand()\nprint(\"after\", rand())\n", "draw.soma");
        String[] lines = first.split("\n");
        assertEquals(4, lines.length, first); // 1..4: three tasks
        assertEquals(oneDraw.strip(), lines[3].strip(), "after an ensemble the session has made exactly one draw");
    }

    @Test
    void anErrorInATaskNamesTheTaskAndWhereInTheScript() {
        String out = ScriptRunner.runCode("""
                fn run(c0, seed) {
                    if c0 > 10 { return undefined_thing + 1 }
                    return c0
                }
                let rs = ensemble(run, over: {c0: [1, 100], seed: [1, 2]})
                """, "failing.soma");
        assertTrue(out.contains("in ensemble task 3 (c0 = 100, seed = 1)"), out);
        assertTrue(out.contains("failing.soma:2:"), out);
        assertTrue(out.contains("failing.soma:5:"), out);
    }

    @Test
    void badSettingsAreLocatedErrors() {
        String out = ScriptRunner.runCode("let rs = ensemble(fn(a) = a, over: 3)\n", "bad.soma");
        assertTrue(out.startsWith("bad.soma:1:"), out);
        assertTrue(out.contains("over: a record of value lists"), out);
    }

    /** An EPI result sent through the wire form is the same result: summary, history, samples. */
    @Test
    void epiResultsSurviveTheWire(@TempDir Path dir) throws Exception {
        String code = """
                flow Q(dim = 1) {
                    scale
                    shift
                }
                constraint M(z) {
                    mean(z[:, 0]) == 1
                    std(z[:, 0]) == 0.5
                }
                fn train(c0) = epi(fn(z) = z, flow: Q(), property: M, c0: c0, epochs: 2, iterations: 50, batch: 100,
                                   test_batch: 200, until_converged: false, quiet: true)
                let rs = ensemble(train, over: {c0: [1, 10]}, checkpoint: "%s")
                for r in rs {
                    print(r.result)
                    print(r.result.history.entropy, r.result.history.R, r.result.flow.sample(3))
                }
                """.formatted(dir.toString().replace("\\", "/"));
        String out = ScriptRunner.runCode(code, "epi_wire.soma");
        assertTrue(out.contains("epi result for M"), out);
        assertTrue(Files.exists(dir.resolve("task-1-epi-0.json")), "each task checkpoints under its index");
        // resumed from the finished checkpoints: the same results
        assertEquals(out, ScriptRunner.runCode(code, "epi_wire.soma"));
    }

    /**
     * A task that runs again (a retry after a lost worker) resumes its EPI runs from the task's
     * checkpoint: here the first attempt got through one epoch of two, and the second attempt's
     * result equals that of a run never interrupted.
     */
    @Test
    void aRetriedTaskResumesFromItsCheckpoint(@TempDir Path dir) {
        String code = """
                flow Q(dim = 1) {
                    scale
                    shift
                }
                constraint M(z) {
                    mean(z[:, 0]) == 1
                    std(z[:, 0]) == 0.5
                }
                fn train(c0, epochs) = epi(fn(z) = z, flow: Q(), property: M, c0: c0, epochs: epochs, iterations: 40,
                                           batch: 100, test_batch: 200, until_converged: false, quiet: true)
                let rs = ensemble(train, over: [{c0: 1, epochs: EPOCHS}, {c0: 10, epochs: EPOCHS}]CHECKPOINT)
                for r in rs { print(r.result) }
                for r in rs { print(r.result.history.entropy) }
                """;
        String folder = ", checkpoint: \"" + dir.toString().replace("\\", "/") + "\"";
        String straight = ScriptRunner.runCode(code.replace("EPOCHS", "2").replace("CHECKPOINT", ""), "straight.soma");
        ScriptRunner.runCode(code.replace("EPOCHS", "1").replace("CHECKPOINT", folder), "first.soma");
        String resumed = ScriptRunner.runCode(code.replace("EPOCHS", "2").replace("CHECKPOINT", folder), "retry.soma");
        assertTrue(straight.contains("2 epoch(s)"), straight);
        assertEquals(straight, resumed);
    }
}
