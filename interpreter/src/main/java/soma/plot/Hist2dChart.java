package soma.plot;

/** A two-dimensional histogram: counts of (x, y) pairs on a bins x bins grid, as a heat map. */
final class Hist2dChart {
    private Hist2dChart() {}

    static Figure build(double[] x, double[] y, int bins, PlotSpec spec) {
        Data.nonEmpty(x, "x");
        Data.nonEmpty(y, "y");
        Data.sameLength(x, y, "hist2d");
        Binning.checkBins(bins);
        if (spec.logX() || spec.logY()) {
            throw new IllegalArgumentException(
                    "log axes are not supported for hist2d (bins are equal-width); log-transform the data instead");
        }
        double[][] pairs = ScatterChart.usablePairs(x, y, false, false);
        int skipped = x.length - pairs[0].length;
        if (pairs[0].length == 0) {
            throw new IllegalArgumentException("hist2d has no finite (x, y) pairs");
        }
        double[] xr = Binning.resolveRange(Data.range(pairs[0], false), spec.xMin(), spec.xMax());
        double[] yr = Binning.resolveRange(Data.range(pairs[1], false), spec.yMin(), spec.yMax());
        double[][] counts = new double[bins][bins];
        for (int k = 0; k < pairs[0].length; k++) {
            int j = Binning.index(pairs[0][k], xr[0], xr[1], bins);
            int i = Binning.index(pairs[1][k], yr[0], yr[1], bins);
            if (i >= 0 && j >= 0) {
                counts[i][j]++;
            }
        }
        double[] xc = new Binning(Binning.edges(xr[0], xr[1], bins), new double[bins], 0).centers();
        double[] yc = new Binning(Binning.edges(yr[0], yr[1], bins), new double[bins], 0).centers();
        // The bins already implement the limits; passing them on would only re-clip the same range.
        PlotSpec s = spec.withXLim(null, null).withYLim(null, null);
        if (s.colorLabel() == null) {
            s = s.withColorLabel("count");
        }
        return HeatmapChart.render(counts, xc, yc, null, null, s, skipped);
    }
}
