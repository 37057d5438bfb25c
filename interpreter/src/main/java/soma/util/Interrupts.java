package soma.util;

import com.oracle.truffle.api.TruffleSafepoint;

/**
 * Long Java loops (training, fitting) run behind a Truffle boundary, where the runtime cannot
 * stop them by itself; they call {@link #poll()} once per iteration so Ctrl-C (a context
 * interrupt) and cancellation take effect.
 */
public final class Interrupts {
    private Interrupts() {}

    public static void poll() {
        TruffleSafepoint.poll(null);
    }
}
