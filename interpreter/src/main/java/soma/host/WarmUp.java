package soma.host;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import soma.numerics.batch.BatchSimulator;
import soma.numerics.batch.BatchWarmup;
import soma.util.Progress;

/**
 * Warms an interactive session (REPL, notebook) up while the user writes the first lines: the
 * JDK keeps no compiled code between runs, so a session's first simulate otherwise waits for
 * HotSpot to compile the batch path's loops and the Java code that prepares a call (about 1 s of
 * an STG batch that takes 17 ms once compiled, issue 20). On a daemon thread, once per process:
 * first the batch path's loops ({@link BatchWarmup}), then a small model simulated as a batch
 * in a context of its own (no output, one core). Its first model instance also starts the Graal
 * compiler ({@code CompilerWarmup}, once per JVM), which then compiles the user's code without
 * first warming itself up. It shares the JVM's compiled code with the user's context and nothing
 * the user would see: its batch programs are not cached, its calls are not traced or timed
 * ({@code BatchSimulator.warmUpOnThisThread}), and whatever goes wrong in it is dropped.
 * {@code -Dsoma.warmup=false} turns it off.
 */
public final class WarmUp {
    private WarmUp() {}

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile Thread thread;

    /**
     * A model with the functions and operations models use, simulated as a batch over two
     * parameters, recorded, sliced and summarised as scripts do. Another tau in each call: a new
     * compiled model and batch program every time (both are cached by the values folded into
     * them), so that compiling and lowering a model are warmed up too, not only running it.
     */
    static final String SCRIPT = """
            ode WarmUp(a = 1.0, b = 0.5, tau = 10) {
                state x = 0.1, y[16] = linspace(0.1, 0.3, 16)
                dx/dt = (tanh(a * x) - exp(-b * y[0]) * cosh(x) / 10 + sigmoid(y[1]) - x) / tau
                dy/dt = (sinh(0.1 * y) + sqrt(abs(y) + 1) - max(y, 0.1) * min(x, 2) - y) / tau
            }
            let p = stack([uniform(0.5, 1.5, [64]), uniform(0.2, 0.8, [64])], axis: 1)
            for k in 0..150 {
                let run = simulate(WarmUp(tau: 10 + k), params: p, over: ["a", "b"], record: ["x", "y"], steps: 20, dt: 0.05,
                                   method: euler, threads: 1)
                let v = run.y[:, :, 0]
                let s = mean(v) + std(run.x)
            }
            """;

    /** Starts the warm-up (no-op when switched off or already started). */
    public static void startInBackground() {
        if ("false".equals(System.getProperty("soma.warmup")) || !STARTED.compareAndSet(false, true)) return;
        Thread t = new Thread(WarmUp::run, "soma-warmup");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Waits up to millis for a started warm-up to end; true if none is running any more. */
    public static boolean await(long millis) throws InterruptedException {
        Thread t = thread;
        if (t != null) t.join(millis);
        return t == null || !t.isAlive();
    }

    private static void run() {
        try {
            Progress.quietOnThisThread();
            BatchSimulator.warmUpOnThisThread();
            BatchWarmup.run();
            Context context = Contexts.newContext(
                    Contexts.Settings.defaults(),
                    new ByteArrayInputStream(new byte[0]),
                    OutputStream.nullOutputStream(),
                    OutputStream.nullOutputStream());
            Engine engine = context.getEngine(); // its own, which closing the context leaves open
            try {
                context.eval("soma", SCRIPT);
            } finally {
                context.close();
                engine.close();
            }
        } catch (Throwable e) { // a warm-up that fails costs the session nothing but the time it took
        }
    }
}
