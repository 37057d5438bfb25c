package soma.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import soma.golden.ScriptRunner;

/**
 * Inputs too big for a golden file: deep nesting, huge lines. Each must give one located error
 * with a short echo of the line, never "Stack overflow" or the whole line.
 */
class SourceErrorsTest {
    private static String run(String code) {
        return ScriptRunner.runCode(code, "big.soma");
    }

    @Test
    void hundredThousandBracketsPointAtTheFirstTooDeep() {
        String out = run("print(" + "(".repeat(100_000) + "1" + ")".repeat(100_000) + ")");
        // print's own '(' is the first; the 1001st is at column 1006.
        assertTrue(
                out.startsWith("big.soma:1:1006: error: brackets nested too deeply here (more than 1000 open)"), out);
        assertFalse(out.contains("overflow"), out);
    }

    @Test
    void twoHundredThousandTermsAreTooDeep() {
        String out = run("let x = " + "1+".repeat(200_000) + "1\nprint(x)\n");
        // The 1001st '+' is at column 9 + 2 * 1000.
        assertTrue(
                out.startsWith(
                        "big.soma:1:2010: error: expression too long here (more than 1000 operators without brackets)"),
                out);
        assertTrue(out.length() < 1000, "the line is shown as a window, not whole: " + out.length() + " characters");
    }

    @Test
    void longUnaryChainsAndRightAssociativePowersAreLocatedQuickly() {
        for (String code : new String[] {
            "print(" + "-".repeat(200_000) + "1)",
            "print(" + "2^".repeat(200_000) + "1)",
            "print(" + "not ".repeat(200_000) + "true)"
        }) {
            long start = System.nanoTime();
            String out = run(code);
            assertTrue(
                    out.startsWith("big.soma:1:") && out.contains("error: expression too long here"),
                    out.substring(0, Math.min(300, out.length())));
            assertTrue(System.nanoTime() - start < 10e9, "an error within seconds, not minutes");
        }
    }

    @Test
    void nestingWithinTheLimitRuns() {
        assertEquals("1\n", run("print(" + "(".repeat(999) + "1" + ")".repeat(999) + ")"));
        assertEquals("1\n", run("print(" + "abs(".repeat(900) + "-1" + ")".repeat(900) + ")"));
        assertEquals("1000\n", run("print(" + "1+".repeat(999) + "1)"));
        assertEquals("1\n", run("print(" + "-".repeat(1000) + "1)"));
        // Brackets restart the count: a 3000-term sum in groups of 300.
        assertEquals(
                "3000\n", run("print(" + ("(" + "1+".repeat(299) + "1)+").repeat(9) + "(" + "1+".repeat(299) + "1))"));
    }

    @Test
    void anErrorInAFiveMegabyteLineShowsAWindowAroundTheColumn() {
        String code = "let x = [" + "1, ".repeat(1_700_000) + "1 2]\n";
        String out = run(code);
        int col = code.indexOf("1 2") + 3;
        assertTrue(
                out.startsWith("big.soma:1:" + col + ": error: unexpected '2'"),
                out.substring(0, Math.min(300, out.length())));
        String[] lines = out.split("\n");
        assertTrue(lines[1].startsWith("    ...") && lines[1].endsWith(", 1, 1 2]"), lines[1]);
        assertEquals(lines[1].indexOf("2]"), lines[2].indexOf('^'), "the caret is under the '2'");
        assertTrue(out.length() < 500, out);
    }

    @Test
    void anUnclosedParenthesisPointsAtIt() {
        assertEquals(
                "big.soma:1:10: error: '(' is never closed\n    let x = [(1 + 2\n             ^\n",
                run("let x = [(1 + 2\n"));
        assertEquals(
                "big.soma:2:6: error: '(' is never closed\n    print(1 +\n         ^\n",
                run("let y = 2\nprint(1 +\n\n"));
    }

    @Test
    void anErrorAtTheEndOfInputPointsAtTheLastLine() {
        assertEquals("big.soma:1:8: error: unexpected end of input\n    let x =\n           ^\n", run("let x =\n\n"));
    }

    @Test
    void controlCharactersAreEscapedInTheEchoedLine() {
        String out = run("let s = 1 +\u0007 2\n");
        assertEquals(
                "big.soma:1:12: error: unexpected character U+0007\n    let s = 1 +\\x07 2\n               ^^^^\n",
                out);
    }

    @Test
    void aByteOrderMarkIsAccepted() {
        assertEquals("3\n", run("\uFEFFprint(1 + 2)\n"));
    }
}
