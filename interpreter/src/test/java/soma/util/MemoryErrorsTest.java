package soma.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;
import soma.SomaLanguage;
import soma.golden.ScriptRunner;
import soma.host.Contexts;
import soma.host.ErrorReporter;
import soma.tensor.MemoryBudget;

/**
 * Requests too big for the heap are located Soma errors that say what they need and what is
 * available, before anything is allocated; a real OutOfMemoryError is one located error too, and
 * the session goes on. (The test heap is a few GB; every request here needs far more.)
 */
class MemoryErrorsTest {
    private static final String ODE = "ode Decay(k = 1) {\n    state x = 1\n    dx/dt = -k * x\n}\n";

    private static String run(String code) {
        return ScriptRunner.runCode(code, "mem.soma");
    }

    @Test
    void linspaceOfTwoBillionPoints() {
        String out = run("let x = linspace(0, 1, 2e9)\n");
        assertTrue(
                out.startsWith("mem.soma:1:9: error: a tensor of shape (2000000000,) needs 16.0 GB of memory; ")
                        && out.contains(" is available"),
                out);
    }

    @Test
    void simulateForAThousandBillionTimeUnits() {
        String out = run(ODE + "let r = simulate(Decay(), t: 1e12, dt: 0.001)\n");
        assertTrue(
                out.startsWith(
                        "mem.soma:5:9: error: simulate: recording 1000000000000001 points needs 16.0 PB of memory; "),
                out);
        assertTrue(out.contains("; record fewer variables (record:) or fewer points (every:)"), out);
    }

    @Test
    void simulateWithThreeBillionSteps() {
        String out = run(ODE + "let r = simulate(Decay(), t: 3e6, dt: 0.001)\n");
        assertTrue(
                out.startsWith("mem.soma:5:9: error: simulate: recording 3000000001 points needs 48.0 GB of memory; "),
                out);
    }

    @Test
    void aListOfARangeTooLong() {
        String tooLong = run("let xs = list(0..1e10)\n");
        assertTrue(
                tooLong.startsWith(
                        "mem.soma:1:10: error: list: the range 0..10000000000 has 10000000000 elements, more than a list can hold (2^31)"),
                tooLong);
        String out = run("let xs = list(0..1e9)\n");
        assertTrue(out.startsWith("mem.soma:1:10: error: list: the ") && out.contains("needs 24.0 GB of memory"), out);
    }

    @Test
    void aRealOutOfMemoryErrorIsOneLocatedErrorAndTheContextGoesOn() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Contexts.newContext(Contexts.Settings.defaults(), System.in, out, out)) {
            // 32 MB at a time: each below the budget's threshold, so the heap really runs out.
            String fill = "fn fill() {\n    let xs = []\n    while true { push(xs, zeros(2000, 2000)) }\n}\nfill()\n";
            String error;
            try {
                context.eval(
                        Source.newBuilder(SomaLanguage.ID, fill, "oom.soma").buildLiteral());
                error = "no error";
            } catch (PolyglotException e) {
                ByteArrayOutputStream shown = new ByteArrayOutputStream();
                new ErrorReporter(new PrintStream(shown, true, StandardCharsets.UTF_8), false).report(e);
                error = shown.toString(StandardCharsets.UTF_8);
            }
            assertTrue(error.startsWith("oom.soma:") && error.contains(": error: out of memory in "), error);
            assertTrue(!error.contains("java.") && !error.contains("Exception"), error);
            out.reset();
            context.eval(Source.newBuilder(SomaLanguage.ID, "print(sum(ones(1000, 1000)))", "after.soma")
                    .buildLiteral());
            assertEquals("1000000\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void formatsSizesInDecimalUnits() {
        assertEquals("16.0 GB", MemoryBudget.format(16e9));
        assertEquals("8.0 PB", MemoryBudget.format(8e15));
        assertEquals("512 bytes", MemoryBudget.format(512));
        assertEquals(null, MemoryBudget.shortfall(1e6));
    }
}
