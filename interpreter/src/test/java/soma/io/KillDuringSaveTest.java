package soma.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soma.flow.FlowJson;
import soma.golden.ScriptRunner;
import soma.tensor.Csv;
import soma.tensor.Tensor;

/**
 * kill -9 in the middle of saves: a separate JVM runs a script that keeps replacing a large CSV
 * file, a flow's JSON and a PNG plot; it is killed while a temporary file is being written.
 * Every target must still hold one complete version (old or new), and the next run's save must
 * leave no temporary file behind. The flow JSON written by the other JVM must also be byte for
 * byte what this JVM writes for the same seed (saved JSON has a fixed key order).
 */
class KillDuringSaveTest {
    private static final int ROWS = 60_000;

    @TempDir
    Path dir;

    private String script(int rounds) {
        String d = dir.toString().replace("\\", "/");
        return """
                flow G(dim = 2) {
                    repeat 2 { planar }
                    scale
                    shift
                    support box(0, 20)
                }
                let q = G()
                let a = zeros(%d, 3) + 1
                let b = zeros(%d, 3) + 2
                for i in range(%d) {
                    save_csv("%s/x.csv", if i %% 2 == 0 { a } else { b }, header: ["x", "y, z", "w"])
                    q.save("%s/q.json")
                    plot([1, 2, 3], [3, 1, i], to: "%s/p.png", preview: false)
                    print("saved", i)
                }
                """.formatted(ROWS, ROWS, rounds, d, d, d);
    }

    @Test
    void killedDuringSavesEveryFileIsOneCompleteVersion() throws Exception {
        Path scriptFile = dir.resolve("loop.soma");
        Files.writeString(scriptFile, script(1_000_000));
        int caughtMidSave = 0;
        for (String victim : List.of("x.csv.tmp", "p.png.tmp")) {
            Process p = start(scriptFile);
            Path script = scriptFile;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                String line = r.readLine(); // one full round first: every target exists
                assertNotNull(line, "the writer died: " + Files.readString(script.resolveSibling("err.txt")));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!Files.exists(dir.resolve(victim)) && System.nanoTime() < deadline) Thread.sleep(1);
                p.destroyForcibly(); // SIGKILL
                p.waitFor(10, TimeUnit.SECONDS);
            }
            if (Files.exists(dir.resolve(victim))) caughtMidSave++;
            checkComplete();
        }
        assertTrue(caughtMidSave > 0, "no kill landed during a save (no temporary file found afterwards)");
        // the next run's saves replace the files and leave no temporary file
        assertEquals("saved 0\n", ScriptRunner.runCode(script(1), "again.soma"));
        checkComplete();
        try (var files = Files.list(dir)) {
            assertEquals(
                    List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList());
        }
    }

    private void checkComplete() throws Exception {
        Csv.Table t = Csv.loadTable(dir.resolve("x.csv"));
        assertEquals(List.of("x", "y, z", "w"), t.header());
        Tensor data = t.data();
        assertEquals(ROWS, data.shape()[0], "rows in x.csv");
        double first = data.realData()[0];
        assertTrue(first == 1 || first == 2);
        for (double v : data.realData()) assertEquals(first, v, "x.csv mixes two versions");
        Path flow = dir.resolve("q.json");
        FlowJson.load(flow);
        Path mine = dir.resolve("mine").resolve("q.json");
        ScriptRunner.runCode(
                script(0)
                        .replace(
                                "let q = G()",
                                "let q = G()\nq.save(\"" + mine.toString().replace("\\", "/") + "\")"),
                "q.soma");
        assertArrayEquals(Files.readAllBytes(mine), Files.readAllBytes(flow), "the same flow saved by two JVMs");
        assertNotNull(ImageIO.read(dir.resolve("p.png").toFile()), "p.png is a complete PNG");
    }

    /** A JVM like this one (same flags and class path) running the script. */
    private static Process start(Path script) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-agentlib") && !arg.startsWith("-javaagent")) cmd.add(arg);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ScriptProcess.class.getName());
        cmd.add(script.toString());
        return new ProcessBuilder(cmd)
                .redirectError(script.resolveSibling("err.txt").toFile())
                .start();
    }
}
