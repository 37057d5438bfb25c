package soma.runtime;

import com.oracle.truffle.api.interop.TruffleObject;

/** {@code a..b}: start inclusive, stop exclusive, with a step; iterated without allocation. */
public final class Range implements TruffleObject {
    public final double start;
    public final double stop;
    public final double step;

    public Range(double start, double stop, double step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    public int size() {
        if (step > 0 ? start >= stop : start <= stop) return 0;
        return (int) Math.ceil((stop - start) / step);
    }

    /** The number of elements, exact where {@link #size} would not fit an int (len(0..1e18) is 1e18). */
    public double length() {
        if (step > 0 ? start >= stop : start <= stop) return 0;
        double n = Math.ceil((stop - start) / step);
        return Double.isNaN(n) ? 0 : n;
    }

    public double get(int i) {
        return start + i * step;
    }
}
