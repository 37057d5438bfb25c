package soma.plot;

/**
 * Points drawn on top of a heat map, e.g. samples of an inferred parameter distribution over the
 * sweep of the statistic they were constrained on, so one picture shows where the samples landed.
 */
public record PointOverlay(double[] x, double[] y) {
    public PointOverlay {
        if (x.length != y.length) {
            throw new IllegalArgumentException("points have " + x.length + " x values but " + y.length + " y values");
        }
        x = x.clone();
        y = y.clone();
    }

    /** The rows of an (n x 2) matrix as points (column 0 is x, column 1 is y). */
    public static PointOverlay ofRows(double[][] rows) {
        double[] x = new double[rows.length];
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != 2) {
                throw new IllegalArgumentException(
                        "points must be an (n x 2) matrix (x in column 0, y in column 1), got " + rows[i].length
                                + " columns");
            }
            x[i] = rows[i][0];
            y[i] = rows[i][1];
        }
        return new PointOverlay(x, y);
    }
}
