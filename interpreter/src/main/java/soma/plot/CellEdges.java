package soma.plot;

/**
 * Turns the coordinates of grid points (cell centres) into cell boundaries.
 *
 * <p>Parameter sweeps are naturally given as the values that were simulated, so each value is
 * drawn as a cell centred on it: inner edges sit halfway between neighbours and the outer edges
 * mirror the nearest inner spacing. On a log axis "halfway" is the geometric mean, so cells look
 * evenly sized there too.
 */
final class CellEdges {
    private CellEdges() {}

    /** Default positions 0, 1, ..., n-1 when the caller gives no ticks. */
    static double[] indices(int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
        }
        return t;
    }

    static void check(double[] ticks, int n, String axis, boolean log) {
        if (ticks.length != n) {
            throw new IllegalArgumentException(axis + " ticks: expected " + n + " values (one per "
                    + (axis.equals("x") ? "column" : "row") + " of z), got " + ticks.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(ticks[i]) || log && ticks[i] <= 0) {
                throw new IllegalArgumentException(axis + " ticks must be finite"
                        + (log ? " and positive on a log axis" : "") + ", got " + ticks[i] + " at index " + i);
            }
            if (i > 0 && !(ticks[i] > ticks[i - 1])) {
                throw new IllegalArgumentException(axis + " ticks must be strictly increasing (index " + i + ")");
            }
        }
    }

    static double[] of(double[] ticks, boolean log) {
        int n = ticks.length;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = log ? Math.log(ticks[i]) : ticks[i];
        }
        double[] e = new double[n + 1];
        if (n == 1) {
            e[0] = t[0] - 0.5;
            e[1] = t[0] + 0.5;
        } else {
            for (int i = 1; i < n; i++) {
                e[i] = 0.5 * (t[i - 1] + t[i]);
            }
            e[0] = t[0] - (t[1] - t[0]) / 2;
            e[n] = t[n - 1] + (t[n - 1] - t[n - 2]) / 2;
        }
        if (log) {
            for (int i = 0; i <= n; i++) {
                e[i] = Math.exp(e[i]);
            }
        }
        return e;
    }
}
