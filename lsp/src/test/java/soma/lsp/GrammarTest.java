package soma.lsp;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The VS Code package's TextMate grammar, tokenized with vscode-textmate (the library VS Code
 * itself uses) over every example and library script (editors/vscode/test/grammar.test.js).
 */
class GrammarTest {
    @Test
    void tokenizesEveryExampleScript() throws IOException, InterruptedException {
        NodeTests.run("test/grammar.test.js");
    }
}
