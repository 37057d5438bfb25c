package soma.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the VS Code package's node tests (editors/vscode/test). Skipped, saying why, where
 * node or the package's npm modules ({@code npm ci} there; .ci/run does it) are missing.
 */
final class NodeTests {
    private NodeTests() {}

    static void run(String testFile) throws IOException, InterruptedException {
        File vscode = new File(System.getProperty("soma.home", ".."), "editors/vscode");
        assumeTrue(
                new File(vscode, "node_modules/vscode-textmate").isDirectory(),
                "skipped: no npm modules in " + vscode + " (run npm ci there)");
        Process node;
        try {
            node = new ProcessBuilder("node", "--test", testFile)
                    .directory(vscode)
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            assumeTrue(false, "skipped: node is not installed (" + e.getMessage() + ")");
            return;
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        node.waitFor(5, TimeUnit.MINUTES);
        assertEquals(0, node.exitValue(), output);
    }
}
