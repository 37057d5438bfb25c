package soma.io;

import java.io.IOException;

/**
 * A test hook: makes the next atomic writes fail part-way through, as a full disk does, so tests
 * can check that the previous file survives. Off (negative) unless a test sets it.
 */
public final class FaultInjection {
    private FaultInjection() {}

    /** Writes fail with "No space left on device" once this many bytes are written; negative: never. */
    public static volatile long failAfterBytes = -1;

    static void check(long written) throws IOException {
        long limit = failAfterBytes;
        if (limit >= 0 && written >= limit) throw new IOException("No space left on device (injected)");
    }
}
