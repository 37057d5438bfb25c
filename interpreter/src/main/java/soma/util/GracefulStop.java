package soma.util;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first Ctrl-C during training (epi, flow fitting) asks the loop to stop after its current
 * iteration and return what it has learned, as Keras does with a KeyboardInterrupt: the call then
 * returns normally, so {@code let r = epi(...)} still binds a result and a script goes on to print
 * and save it. A second Ctrl-C, or one while no training loop runs, interrupts as usual.
 *
 * <p>One process runs one Soma session (script or REPL), so the request is process-wide.
 */
public final class GracefulStop {
    private static final AtomicInteger ACTIVE = new AtomicInteger();
    private static final AtomicBoolean REQUESTED = new AtomicBoolean();

    private GracefulStop() {}

    /** Marks a training loop as running; close the scope when it ends. */
    public static Scope enter() {
        if (ACTIVE.getAndIncrement() == 0) REQUESTED.set(false);
        return () -> {
            if (ACTIVE.decrementAndGet() == 0) REQUESTED.set(false);
        };
    }

    /**
     * Called from a Ctrl-C handler. True when a training loop is running and this is the first
     * request, so it will stop by itself; false means the caller should interrupt instead.
     */
    public static boolean request() {
        return ACTIVE.get() > 0 && REQUESTED.compareAndSet(false, true);
    }

    /** Polled once per iteration by training loops. */
    public static boolean requested() {
        return REQUESTED.get();
    }

    /** A running training loop. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
