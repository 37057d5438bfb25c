package soma.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

class RuntimeTest {
    /** A silent fallback to the interpreter-only runtime would make everything many times slower. */
    @Test
    void runsOnTheGraalOptimizingRuntime() {
        try (Context c = Contexts.newContext(
                Contexts.Settings.defaults(), System.in, new ByteArrayOutputStream(), new ByteArrayOutputStream())) {
            assertTrue(Contexts.isOptimizing(c), c.getEngine().getImplementationName());
        }
    }

    @Test
    void pipedProgramAndExpressionsEvaluate() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = Contexts.newContext(Contexts.Settings.defaults(), System.in, out, out)) {
            c.eval("soma", "let a = 40\nprint(a + 2)\n");
            assertEquals(3.0, c.eval("soma", "1 + 2").asDouble());
        }
        assertEquals("42\n", out.toString());
    }
}
