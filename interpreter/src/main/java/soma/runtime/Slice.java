package soma.runtime;

/** {@code lo:hi:step} inside an index; absent parts are null. Python semantics. */
public record Slice(Double lo, Double hi, Double step) {
    /** Resolves against a length: {start, stop, step, count}. */
    public int[] resolve(int length) {
        int st = step == null ? 1 : Indexing.toInt(step, "slice step");
        if (st == 0) throw new SomaError("slice step cannot be zero");
        int start;
        int stop;
        if (st > 0) {
            start = lo == null ? 0 : clamp(norm(Indexing.toInt(lo, "slice start"), length), 0, length);
            stop = hi == null ? length : clamp(norm(Indexing.toInt(hi, "slice end"), length), 0, length);
        } else {
            start = lo == null ? length - 1 : clamp(norm(Indexing.toInt(lo, "slice start"), length), -1, length - 1);
            stop = hi == null ? -1 : clamp(norm(Indexing.toInt(hi, "slice end"), length), -1, length - 1);
        }
        int count = st > 0 ? Math.max(0, (stop - start + st - 1) / st) : Math.max(0, (start - stop - st - 1) / -st);
        return new int[] {start, stop, st, count};
    }

    private static int norm(int i, int length) {
        return i < 0 ? i + length : i;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
