package soma.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;
import soma.launcher.Runtime;

/** Ctrl-C in the REPL interrupts the context: a long batch on worker threads must stop, and the session go on. */
class InterruptTest {
    @Test
    void aLongBatchStopsOnInterruptAndTheContextSurvives() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Runtime.newContext(Runtime.Settings.defaults(), System.in, out, out)) {
            context.eval("soma", """
                    ode FHN(I = 0.5) {
                        state v = -1, w = -0.5
                        dv/dt = v - v^3 / 3 - w + I
                        dw/dt = (v + 0.7 - 0.8 * w) / 12.5
                    }
                    """);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread runner = new Thread(() -> {
                try {
                    // about a minute of work on 2 cores if it were not interrupted
                    context.eval("soma", "simulate(FHN(), steps: 10000000, dt: 0.001, every: 100000, params: {I: linspace(0, 1, 100)}, threads: 2)");
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
            assertTrue(!runner.isAlive(), "the batch did not stop");
            assertTrue(seconds < 10, "stopping took " + seconds + " s");
            assertTrue(thrown.get() instanceof PolyglotException p && p.isInterrupted(), "expected an interrupt, got " + thrown.get());
            assertEquals(2.0, context.eval("soma", "1 + 1").asDouble());
        }
    }
}
