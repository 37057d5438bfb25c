package soma.linalg;

import java.util.stream.IntStream;

/**
 * Splits a loop over independent rows (or columns) across the cores, as {@code MatMul} does
 * for products. Each index is handled by exactly one thread with the same arithmetic as the
 * serial loop, so results are bit-identical whatever the number of cores.
 */
final class Parallel {
    private Parallel() {}

    /** Below this many multiply-adds a fork costs more than it saves. */
    private static final long MIN_WORK = 1L << 16;

    interface Range {
        void run(int lo, int hi);
    }

    /** Runs body over [lo, hi) in contiguous chunks, in parallel when {@code work} is large enough. */
    static void forRange(int lo, int hi, long work, Range body) {
        int cores = Runtime.getRuntime().availableProcessors();
        int len = hi - lo;
        if (work < MIN_WORK || cores == 1 || len < 2 * cores) {
            body.run(lo, hi);
            return;
        }
        int chunks = cores, per = (len + chunks - 1) / chunks;
        IntStream.range(0, chunks).parallel().forEach(t -> {
            int a = lo + t * per, b = Math.min(hi, a + per);
            if (a < b) body.run(a, b);
        });
    }
}
