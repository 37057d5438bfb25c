package soma.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;
import soma.host.Contexts;
import soma.util.GracefulStop;

/** Ctrl-C in the REPL interrupts the context: a long batch on worker threads must stop, and the session go on. */
class InterruptTest {
    @Test
    void aLongBatchStopsOnInterruptAndTheContextSurvives() throws Exception {
        assertStopsOnInterrupt(
                        """
                ode FHN(I = 0.5) {
                    state v = -1, w = -0.5
                    dv/dt = v - v^3 / 3 - w + I
                    dw/dt = (v + 0.7 - 0.8 * w) / 12.5
                }
                """,
                        // about a minute of work on 2 cores if it were not interrupted
                        "simulate(FHN(), steps: 10000000, dt: 0.001, every: 100000, params: {I: linspace(0, 1, 100)}, threads: 2)")
                .close();
    }

    /** Fitting runs in one Java loop behind a boundary; it polls Truffle's safepoints every iteration. */
    @Test
    void aLongFlowFitStopsOnInterrupt() throws Exception {
        assertStopsOnInterrupt("""
                flow Q(dim = 2) {
                    repeat 10 { planar }
                }
                let q = Q()
                """, "q.fit(gaussian(mean: [1, 1], std: 2), iterations: 10000000, batch: 1000)")
                .close();
    }

    /** EPI polls every iteration; what it learned stays reachable through epi_last(). */
    @Test
    void aLongInferenceStopsOnInterruptAndKeepsItsResult() throws Exception {
        Context context = assertStopsOnInterrupt(
                """
                flow Q(dim = 1) {
                    scale
                    shift
                }
                constraint M(z) {
                    mean(z[:, 0]) == 1
                }
                """,
                "epi(fn(z) = z, flow: Q(), property: M, epochs: 1000000, iterations: 1000, until_converged: false, quiet: true)");
        assertEquals("epi_result", context.eval("soma", "type(epi_last())").asString());
        context.close();
    }

    /**
     * The first Ctrl-C during training asks the loop to stop by itself (GracefulStop): epi then
     * returns normally, so the assignment happens and the flow keeps what it learned.
     */
    @Test
    void aFirstCtrlCMakesEpiReturnWhatItLearned() throws Exception {
        try (Context context = quietContext()) {
            context.eval("soma", ONE_D_FLOW + """
                    constraint M(z) {
                        mean(z[:, 0]) == 3
                    }
                    let q = Q()
                    """);
            assertFalse(GracefulStop.request(), "no training loop runs, so Ctrl-C must interrupt as usual");
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            // The checkpoint names the last finished epoch: stop after the third, however loaded the machine.
            Path checkpoint = Files.createTempDirectory("soma-interrupt").resolve("ckpt.json");
            Thread runner = inBackground(
                    context,
                    "let r = epi(fn(z) = z, flow: q, property: M, epochs: 1000000, iterations: 200, lr: 0.05, "
                            + "until_converged: false, quiet: true, checkpoint: \""
                            + checkpoint.toString().replace("\\", "/") + "\")",
                    thrown);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (epochsDone(checkpoint) < 3 && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(GracefulStop.request(), "the running epi takes the request");
            assertFalse(GracefulStop.request(), "a second Ctrl-C is not graceful");
            runner.join(20_000);
            assertFalse(runner.isAlive(), "epi did not stop");
            assertEquals(null, thrown.get(), "epi must return, not throw");
            assertEquals("epi_result", context.eval("soma", "type(r)").asString());
            assertFalse(context.eval("soma", "r.finished").asBoolean());
            assertTrue(context.eval("soma", "r.stopped_at").asString().matches("epoch \\d+, iteration \\d+"));
            assertTrue(context.eval("soma", "r.epochs").asInt() >= 1, "epochs ran before the stop");
            // what it learned is kept: the mean moved from 0 towards 3
            assertTrue(context.eval("soma", "mean(r.samples(2000))").asDouble() > 1.5);
            assertFalse(GracefulStop.requested(), "the request ends with the loop");
            // and the next run is not stopped by the old request
            assertEquals(
                    2.0,
                    context.eval(
                                    "soma",
                                    "epi(fn(z) = z, flow: Q(), property: M, epochs: 2, iterations: 5, "
                                            + "until_converged: false, quiet: true).epochs")
                            .asDouble());
        }
    }

    private static int epochsDone(Path checkpoint) {
        try {
            var m = Pattern.compile("\"epoch\"\\s*:\\s*(\\d+)").matcher(Files.readString(checkpoint));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0; // not written yet (or being replaced: the rename is atomic, so try again)
        }
    }

    /** The same for fitting: fit returns, and the flow keeps the parameters it reached. */
    @Test
    void aFirstCtrlCMakesFitReturnWithTheFlowAsFitted() throws Exception {
        try (Context context = quietContext()) {
            context.eval("soma", ONE_D_FLOW + """
                    let q = Q()
                    """);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread runner = inBackground(
                    context,
                    "q.fit(gaussian(mean: [3], std: 0.5), iterations: 100000000, batch: 100, lr: 0.05)",
                    thrown);
            Thread.sleep(2500);
            assertTrue(GracefulStop.request(), "the running fit takes the request");
            runner.join(20_000);
            assertFalse(runner.isAlive(), "fit did not stop");
            assertEquals(null, thrown.get(), "fit must return, not throw");
            assertEquals(3.0, context.eval("soma", "mean(q.sample(4000))").asDouble(), 0.1);
            assertEquals(0.5, context.eval("soma", "std(q.sample(4000))").asDouble(), 0.05);
        }
    }

    /** A 1-D flow Q (scale, shift) whose fits and inferences move its mean quickly. */
    private static final String ONE_D_FLOW = """
            flow Q(dim = 1) {
                scale
                shift
            }
            """;

    private static Context quietContext() {
        return Contexts.newContext(
                Contexts.Settings.defaults(), System.in, new ByteArrayOutputStream(), new ByteArrayOutputStream());
    }

    /** Evaluates code on a new thread; what it throws lands in {@code thrown}. */
    private static Thread inBackground(Context context, String code, AtomicReference<Throwable> thrown) {
        Thread runner = new Thread(() -> {
            try {
                context.eval("soma", code);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        runner.start();
        return runner;
    }

    private static Context assertStopsOnInterrupt(String setup, String longWork) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Context context = Contexts.newContext(Contexts.Settings.defaults(), System.in, out, out);
        {
            context.eval("soma", setup);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread runner = inBackground(context, longWork, thrown);
            Thread.sleep(1500);
            long t0 = System.nanoTime();
            context.interrupt(Duration.ofSeconds(20));
            runner.join(20_000);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(!runner.isAlive(), "the work did not stop");
            assertTrue(seconds < 10, "stopping took " + seconds + " s");
            assertTrue(
                    thrown.get() instanceof PolyglotException p && p.isInterrupted(),
                    "expected an interrupt, got " + thrown.get());
            assertEquals(2.0, context.eval("soma", "1 + 1").asDouble());
        }
        return context;
    }
}
