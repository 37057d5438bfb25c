package soma.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The VS Code package's TextMate grammar, tokenized with vscode-textmate (the library VS Code
 * itself uses) over every example and library script: runs editors/vscode's node test. Skipped,
 * saying why, where node or the package's npm modules ({@code npm ci} there; .ci/run does it) are
 * missing.
 */
class GrammarTest {
    @Test
    void tokenizesEveryExampleScript() throws IOException, InterruptedException {
        File vscode = new File(System.getProperty("soma.home", ".."), "editors/vscode");
        assumeTrue(
                new File(vscode, "node_modules/vscode-textmate").isDirectory(),
                "skipped: no npm modules in " + vscode + " (run npm ci there)");
        Process node;
        try {
            node = new ProcessBuilder("node", "--test", "test/")
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
