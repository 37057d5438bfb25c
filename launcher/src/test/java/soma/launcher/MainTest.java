package soma.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user types it: seeds, -e with arguments, and what is refused. */
class MainTest {
    @TempDir
    Path dir;

    private record Outcome(int status, String out, String err) {}

    private static Outcome run(String... argv) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            int status = Main.run(argv);
            return new Outcome(status, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path script(String code) throws IOException {
        Path file = dir.resolve("script.soma");
        Files.writeString(file, code);
        return file;
    }

    @Test
    void aScriptsSeedLineIsHonouredAndTheCommandLineSeedWins() throws IOException {
        Path file = script("# seed: 7\nprint(rand())\n");
        String seven = run("-e", "seed(7); print(rand())").out();
        String three = run("-e", "seed(3); print(rand())").out();
        assertEquals(seven, run(file.toString()).out(), "the script's own seed line");
        assertEquals(three, run("--seed", "3", file.toString()).out(), "--seed wins over the line");
        assertTrue(!seven.equals(three));
    }

    @Test
    void codeGivenWithDashEReceivesTheFollowingArgumentsAndRefusesAScript() throws IOException {
        Outcome withArgs = run("-e", "print(args())", "a", "2");
        assertEquals(0, withArgs.status(), withArgs.err());
        assertEquals("[\"a\", \"2\"]\n", withArgs.out());

        Path file = script("print(1)\n");
        Outcome withFile = run("-e", "print(2)", file.toString());
        assertEquals(2, withFile.status());
        assertTrue(withFile.err().contains("-e runs only the code given, not " + file), withFile.err());
        assertEquals("", withFile.out());
    }
}
