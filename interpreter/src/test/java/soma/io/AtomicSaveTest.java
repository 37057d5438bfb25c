package soma.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soma.golden.ScriptRunner;

/**
 * Every kind of save a script can do, failing part-way (a full disk, injected) or given a path
 * that cannot be written: the previous file is left byte for byte, no temporary file stays
 * behind, and the error says why.
 */
class AtomicSaveTest {
    @TempDir
    Path dir;

    private static final String FLOW = """
            flow G(dim = 2) {
                repeat 2 { planar }
                scale
                shift
                support box(0, 20)
            }
            let q = G()
            """;

    @AfterEach
    void noMoreFaults() {
        FaultInjection.failAfterBytes = -1;
    }

    private String path(String name) {
        return dir.resolve(name).toString().replace("\\", "/");
    }

    /** Each save statement writes the file named by %s with a large enough content to fail midway. */
    private static final List<String[]> SAVES = List.of(
            new String[] {"x.csv", "save_csv(\"%s\", randn(4000, 3), header: [\"a\", \"b\", \"c\"])"},
            new String[] {"q.json", FLOW + "q.save(\"%s\")"},
            new String[] {"p.png", "plot([1, 2, 3], [3, 1, 2], to: \"%s\", preview: false)"},
            new String[] {"p.svg", "plot([1, 2, 3], [3, 1, 2], to: \"%s\", preview: false)"},
            new String[] {"pairs.png", FLOW + "q.pairplot(200, to: \"%s\")"});

    @Test
    void aSaveThatFailsMidwayLeavesThePreviousFileIntact() throws Exception {
        for (String[] save : SAVES) {
            Path file = dir.resolve(save[0]);
            byte[] old = "the previous good file\n".repeat(10).getBytes();
            Files.write(file, old);
            FaultInjection.failAfterBytes = 200;
            String out = ScriptRunner.runCode(String.format(save[1], path(save[0])), "save.soma");
            FaultInjection.failAfterBytes = -1;
            assertTrue(out.contains("cannot save") && out.contains(save[0] + ": disk full"), save[0] + ": " + out);
            assertArrayEquals(old, Files.readAllBytes(file), save[0] + " was changed by a failed save");
            assertFalse(Files.exists(dir.resolve(save[0] + ".tmp")), save[0] + ": temporary file left behind");
            // and the same save without the fault replaces the file
            assertEquals("", ScriptRunner.runCode(String.format(save[1], path(save[0])), "save.soma"), save[0]);
            assertFalse(Arrays.equals(old, Files.readAllBytes(file)), save[0]);
            assertFalse(Files.exists(dir.resolve(save[0] + ".tmp")), save[0]);
        }
    }

    @Test
    void epiResultSaveFailingLeavesThePreviousFilesIntact() throws Exception {
        String script = FLOW.replace("support box(0, 20)", "") + """
                constraint M(z) {
                    mean(z[:, 0]) == 1
                }
                let r = epi(fn(z) = z, flow: q, property: M, epochs: 1, iterations: 5, batch: 20, quiet: true)
                r.save("%s")
                """.formatted(path("run"));
        assertEquals("", ScriptRunner.runCode(script, "epi.soma"));
        byte[] json = Files.readAllBytes(dir.resolve("run.json"));
        byte[] history = Files.readAllBytes(dir.resolve("run_history.csv"));
        FaultInjection.failAfterBytes = 10;
        String out = ScriptRunner.runCode(script.replace("epochs: 1", "epochs: 2"), "epi.soma");
        FaultInjection.failAfterBytes = -1;
        assertTrue(out.contains("cannot save the flow to " + path("run.json") + ": disk full"), out);
        assertArrayEquals(json, Files.readAllBytes(dir.resolve("run.json")));
        assertArrayEquals(history, Files.readAllBytes(dir.resolve("run_history.csv")));
        try (var files = Files.list(dir)) {
            assertEquals(
                    List.of(), files.filter(p -> p.toString().endsWith(".tmp")).toList());
        }
    }

    /** "cannot save plot to X: X" named no reason; now the reason is given. */
    @Test
    void errorsSayWhyNotJustWhere() throws Exception {
        Files.writeString(dir.resolve("file"), "not a folder");
        String out = ScriptRunner.runCode(
                "plot([1, 2], [1, 2], to: \"" + path("file/p.png") + "\", preview: false)", "p.soma");
        assertTrue(
                out.contains("cannot save plot to " + path("file/p.png") + ": a part of the path is not a folder"),
                out);
        out = ScriptRunner.runCode("save_csv(\"" + dir.toString().replace("\\", "/") + "\", [1])", "p.soma");
        assertTrue(out.contains(": it is a folder"), out);
        out = ScriptRunner.runCode("load_csv(\"" + path("missing.csv") + "\")", "p.soma");
        assertTrue(out.contains("cannot read the CSV file " + path("missing.csv") + ": no such file or folder"), out);
    }

    /** Java's own exceptions turned into words. */
    @Test
    void reasonsInWords() {
        assertEquals("disk full", FileErrors.reason(new FileSystemException("/a/b", null, "No space left on device")));
        assertEquals("permission denied", FileErrors.reason(new AccessDeniedException("/a/b")));
        assertEquals("no such file or folder", FileErrors.reason(new NoSuchFileException("/a/b")));
        assertEquals(
                "the file system is read-only",
                FileErrors.reason(new FileSystemException("/a", null, "Read-only file system")));
        assertEquals(
                "file access is not allowed in this context",
                FileErrors.reason(new SecurityException("Operation is not allowed")));
    }
}
