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
        assertStopsOnInterrupt("""
                ode FHN(I = 0.5) {
                    state v = -1, w = -0.5
                    dv/dt = v - v^3 / 3 - w + I
                    dw/dt = (v + 0.7 - 0.8 * w) / 12.5
                }
                """,
                // about a minute of work on 2 cores if it were not interrupted
                "simulate(FHN(), steps: 10000000, dt: 0.001, every: 100000, params: {I: linspace(0, 1, 100)}, threads: 2)").close();
    }

    /** Fitting runs in one Java loop behind a boundary; it polls Truffle's safepoints every iteration. */
    @Test
    void aLongFlowFitStopsOnInterrupt() throws Exception {
        assertStopsOnInterrupt("""
                flow Q(dim = 2) {
                    repeat 10 { planar }
                }
                let q = Q()
                """, "q.fit(gaussian(mean: [1, 1], std: 2), iterations: 10000000, batch: 1000)").close();
    }

    /** EPI polls every iteration; what it learned stays reachable through epi_last(). */
    @Test
    void aLongInferenceStopsOnInterruptAndKeepsItsResult() throws Exception {
        Context context = assertStopsOnInterrupt("""
                flow Q(dim = 1) {
                    scale
                    shift
                }
                constraint M(z) {
                    mean(z[:, 0]) == 1
                }
                """, "epi(fn(z) = z, flow: Q(), property: M, epochs: 1000000, iterations: 1000, until_converged: false, quiet: true)");
        assertEquals("epi_result", context.eval("soma", "type(epi_last())").asString());
        context.close();
    }

    private static Context assertStopsOnInterrupt(String setup, String longWork) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Context context = Runtime.newContext(Runtime.Settings.defaults(), System.in, out, out);
        {
            context.eval("soma", setup);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread runner = new Thread(() -> {
                try {
                    context.eval("soma", longWork);
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
            assertTrue(!runner.isAlive(), "the work did not stop");
            assertTrue(seconds < 10, "stopping took " + seconds + " s");
            assertTrue(thrown.get() instanceof PolyglotException p && p.isInterrupted(), "expected an interrupt, got " + thrown.get());
            assertEquals(2.0, context.eval("soma", "1 + 1").asDouble());
        }
        return context;
    }
}
