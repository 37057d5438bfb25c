package soma.lsp;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The VS Code package's debug path (editors/vscode/test/debug.test.js): the extension's own adapter
 * factory starts {@code bin/soma --dap} on a script, and a DAP client in VS Code's place stops at a
 * breakpoint, reads a local, evaluates a watch and runs to the end.
 */
class VscodeDebugTest {
    @Test
    void extensionStartsTheScriptUnderTheDebugger() throws IOException, InterruptedException {
        NodeTests.run("test/debug.test.js");
    }
}
