package soma.plot;

/**
 * Maps data values onto a text canvas axis of {@code n} positions, linearly or in log10, with
 * explicit limits winning over the data range.
 */
final class AxisScale {
    final double lo; // in transformed (log10 if log) units
    final double hi;
    final boolean log;
    final int n;
    final boolean flip; // true for y: larger values nearer position 0 (the top)

    private AxisScale(double lo, double hi, boolean log, int n, boolean flip) {
        this.lo = lo;
        this.hi = hi;
        this.log = log;
        this.n = n;
        this.flip = flip;
    }

    /**
     * @param dataRange smallest and largest usable data value (untransformed)
     * @param min explicit lower limit or null
     * @param max explicit upper limit or null
     */
    static AxisScale of(double[] dataRange, Double min, Double max, boolean log, int n, boolean flip) {
        if (log && (min != null && min <= 0 || max != null && max <= 0)) {
            throw new IllegalArgumentException("axis limits must be positive on a log axis");
        }
        double a = t(min != null ? min : dataRange[0], log);
        double b = t(max != null ? max : dataRange[1], log);
        if (a == b) {
            // One distinct value: centre it instead of dividing by zero.
            a -= 0.5;
            b += 0.5;
        }
        if (a > b) {
            throw new IllegalArgumentException("axis limits exclude all the data");
        }
        return new AxisScale(a, b, log, n, flip);
    }

    private static double t(double v, boolean log) {
        return log ? Math.log10(v) : v;
    }

    /** Continuous position in [0, n-1] for values inside the range (outside values map beyond). */
    double position(double v) {
        double f = (t(v, log) - lo) / (hi - lo);
        return (flip ? 1 - f : f) * (n - 1);
    }

    String loLabel() {
        return NumberText.format(log ? Math.pow(10, lo) : lo);
    }

    String hiLabel() {
        return NumberText.format(log ? Math.pow(10, hi) : hi);
    }
}
