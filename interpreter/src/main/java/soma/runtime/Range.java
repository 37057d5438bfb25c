package soma.runtime;

import com.oracle.truffle.api.interop.TruffleObject;
import soma.tensor.MemoryBudget;

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

    /**
     * Checks that the elements can be made into a list ({@code list(0..n)}): each is a boxed
     * number and a slot of the list, about 24 bytes.
     */
    public void checkMaterialise(String what) {
        double n = length();
        if (!(n < Integer.MAX_VALUE - 8)) {
            throw new SomaError(what + ": the range " + Printer.show(this) + " has " + Printer.number(n)
                    + " elements, more than a list can hold (2^31)");
        }
        String shortfall = MemoryBudget.shortfall(24 * n);
        if (shortfall != null)
            throw new SomaError(
                    what + ": the " + Printer.number(n) + " elements of " + Printer.show(this) + " " + shortfall);
    }

    public double get(int i) {
        return start + i * step;
    }
}
