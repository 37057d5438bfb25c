package soma.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;
import soma.numerics.batch.BatchSimulator;

/**
 * The warm-up's script stays a valid program that takes the batch path (its failures are
 * swallowed in a session, so this is where they show), and it prints nothing.
 */
class WarmUpTest {
    @Test
    void scriptRunsOnTheBatchPathSilently() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long before = BatchSimulator.completed();
        try (Context c =
                Contexts.newContext(Contexts.Settings.defaults().withCompilation(false), System.in, out, out)) {
            c.eval("soma", WarmUp.SCRIPT);
        }
        assertEquals("", out.toString());
        assertTrue(BatchSimulator.completed() >= before + 150, "every simulate of the warm-up took the batch path");
    }
}
