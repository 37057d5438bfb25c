package soma.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel under a real Jupyter client: {@code bin/soma --install-kernel} into a temporary
 * Jupyter folder, then jupyter_client drives it (kernel_test.py: execute, errors, plots,
 * interrupt, progress, completion, inspection, restart) and nbconvert runs the example notebooks
 * top to bottom. Skipped only when Python's Jupyter packages are missing (.ci/run installs them).
 */
class KernelTest {
    private static final Path HOME =
            Path.of(System.getProperty("soma.home", "..")).toAbsolutePath().normalize();
    private static final String PYTHON =
            Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    @TempDir
    static Path jupyter;

    @BeforeAll
    static void installKernel() throws Exception {
        Assumptions.assumeTrue(
                run(List.of(PYTHON, "-c", "import jupyter_client, nbclient, nbconvert"), 60).exit == 0,
                "Jupyter is not installed (Debian: apt-get install jupyter-nbconvert python3-jupyter-client python3-nbclient)");
        Result r = run(List.of(HOME.resolve("bin/soma").toString(), "--install-kernel"), 120);
        assertEquals(0, r.exit, r.output);
        assertTrue(Files.isRegularFile(jupyter.resolve("data/kernels/soma/kernel.json")), r.output);
    }

    @Test
    void jupyterClientDrivesTheKernel() throws Exception {
        Result r = run(
                List.of(
                        PYTHON,
                        HOME.resolve("jupyter/src/test/python/kernel_test.py").toString()),
                300);
        assertEquals(0, r.exit, r.output);
    }

    @Test
    void homeworkNotebookRunsTopToBottomWithPlots() throws Exception {
        Path notebook = HOME.resolve("examples/notebooks/homework.ipynb");
        Path executed = jupyter.resolve("homework.ipynb");
        Result r = run(
                List.of(
                        PYTHON,
                        "-m",
                        "nbconvert",
                        "--to",
                        "notebook",
                        "--execute",
                        "--ExecutePreprocessor.timeout=300",
                        "--output",
                        executed.toString(),
                        notebook.toString()),
                400);
        assertEquals(0, r.exit, r.output);
        List<String> pngs = new ArrayList<>();
        for (JsonElement cell : JsonParser.parseString(Files.readString(executed))
                .getAsJsonObject()
                .getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if (!c.get("cell_type").getAsString().equals("code")) continue;
            for (JsonElement o : c.getAsJsonArray("outputs")) {
                JsonObject out = o.getAsJsonObject();
                assertTrue(!out.get("output_type").getAsString().equals("error"), "a cell failed: " + out);
                if (out.has("data") && out.getAsJsonObject("data").has("image/png")) {
                    JsonElement png = out.getAsJsonObject("data").get("image/png");
                    pngs.add(
                            png.isJsonArray()
                                    ? String.join(
                                            "",
                                            png.getAsJsonArray().asList().stream()
                                                    .map(JsonElement::getAsString)
                                                    .toList())
                                    : png.getAsString());
                }
            }
        }
        assertTrue(pngs.size() >= 10, "inline plots: " + pngs.size());
        for (String png : pngs) {
            assertNotNull(
                    ImageIO.read(
                            new ByteArrayInputStream(Base64.getMimeDecoder().decode(png))),
                    "a plot's PNG decodes");
        }
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("JUPYTER_DATA_DIR", jupyter.resolve("data").toString());
        env.put("JUPYTER_PATH", jupyter.resolve("data").toString());
        env.put("JUPYTER_RUNTIME_DIR", jupyter.resolve("runtime").toString());
        Process p = pb.start();
        Path log = Files.createTempFile(jupyter, "out", ".txt");
        Thread drain = Thread.ofVirtual().start(() -> {
            try {
                Files.copy(p.getInputStream(), log, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // the process ended or was killed; what was read so far is in the log
            }
        });
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        drain.join(5000);
        String output = Files.readString(log);
        System.out.println(output);
        return new Result(p.isAlive() ? -1 : p.exitValue(), output);
    }
}
