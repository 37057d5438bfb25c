package soma.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;
import soma.host.Contexts;

/** Ctrl-C (a context interrupt) stops an eig of a large matrix within a step, not after it finishes. */
class EigInterruptTest {
    @Test
    void aLargeEigStopsOnInterruptAndTheContextGoesOn() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Contexts.newContext(Contexts.Settings.defaults(), System.in, out, out)) {
            context.eval("soma", "let a = randn(2000, 2000)");
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread runner = new Thread(() -> {
                try {
                    context.eval("soma", "eig(a)"); // tens of seconds on two cores
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            runner.start();
            Thread.sleep(1500);
            long t0 = System.nanoTime();
            context.interrupt(Duration.ofSeconds(20));
            runner.join(20_000);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(!runner.isAlive(), "eig did not stop");
            assertTrue(seconds < 5, "stopping took " + seconds + " s");
            assertTrue(
                    thrown.get() instanceof PolyglotException p && p.isInterrupted(),
                    "expected an interrupt, got " + thrown.get());
            assertEquals(2.0, context.eval("soma", "1 + 1").asDouble());
        }
    }
}
