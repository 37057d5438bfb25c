package soma.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;
import soma.numerics.Simulator;
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

    /** On a warm-up's thread, a batch leaves the timings benchmarks read (and the program cache) alone. */
    @Test
    void warmUpThreadLeavesTheSessionsTimingsAlone() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = Contexts.newContext(Contexts.Settings.defaults(), System.in, out, out)) {
            c.eval(
                    "soma",
                    MODEL + "let r = simulate(Decay(), params: {a: linspace(0.5, 1.5, 32)}, steps: 20, dt: 0.05)");
        }
        Simulator.Timing before = Simulator.lastTiming();
        long calls = BatchSimulator.completed();
        Thread warm = new Thread(() -> {
            BatchSimulator.warmUpOnThisThread();
            try (Context c = Contexts.newContext(Contexts.Settings.defaults(), System.in, out, out)) {
                c.eval(
                        "soma",
                        MODEL + "let r = simulate(Decay(), params: {a: linspace(0.5, 2.5, 32)}, steps: 20, dt: 0.05)");
            }
        });
        warm.start();
        warm.join();
        assertTrue(BatchSimulator.completed() > calls, "the warm-up's batch ran");
        assertSame(before, Simulator.lastTiming(), "the timing of the session's last call is still its own");
        assertEquals("", out.toString());
    }

    private static final String MODEL = "ode Decay(a = 1) {\n state x = 1\n dx/dt = -a * x\n}\n";
}
