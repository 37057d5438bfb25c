package soma.plot;

import java.util.Collections;
import java.util.List;

/**
 * Entry points for every chart kind. Inputs are plain arrays; the interpreter converts its tensors
 * before calling. Every method accepts {@code null} for the spec (all defaults), rejects missing
 * or empty data with {@link IllegalArgumentException}, and skips NaN/Inf points, reporting how
 * many through {@link Figure#skippedPoints()}.
 */
public final class Charts {
    static {
        Headless.ensure();
    }

    private Charts() {}

    /** Several series {@code ys.get(k)[i]} over a shared {@code x[i]}, one legend entry each. */
    public static Figure line(double[] x, List<double[]> ys, PlotSpec spec) {
        return LineChart.build(x, ys, PlotSpec.orDefaults(spec));
    }

    /** Convenience for a single series. */
    public static Figure line(double[] x, double[] y, PlotSpec spec) {
        return line(x, Collections.singletonList(y), spec);
    }

    /** Several point sets, set k at ({@code xs.get(k)[i]}, {@code ys.get(k)[i]}). */
    public static Figure scatter(List<double[]> xs, List<double[]> ys, PlotSpec spec) {
        return ScatterChart.build(xs, ys, PlotSpec.orDefaults(spec));
    }

    /** Equal-width histogram; the x limits of the spec, if set, fix the binned range. */
    public static Figure histogram(double[] data, int bins, PlotSpec spec) {
        return HistogramChart.build(data, bins, PlotSpec.orDefaults(spec));
    }

    /** Counts of (x[i], y[i]) on a bins x bins grid, drawn as a heat map with a colour bar. */
    public static Figure hist2d(double[] x, double[] y, int bins, PlotSpec spec) {
        return Hist2dChart.build(x, y, bins, PlotSpec.orDefaults(spec));
    }

    /**
     * Heat map of {@code z[i][j]} at ({@code xTicks[j]}, {@code yTicks[i]}), row 0 at the bottom.
     * Ticks may be null for 0..n-1; given ticks must be strictly increasing.
     */
    public static Figure heatmap(double[][] z, double[] xTicks, double[] yTicks, PlotSpec spec) {
        return HeatmapChart.build(z, xTicks, yTicks, null, null, PlotSpec.orDefaults(spec));
    }

    /**
     * Heat map with the cells where {@code region[i][j]} is true outlined; {@code region} has the
     * shape of {@code z} (or is null for none). {@link PlotSpec#regionLabel()} names it in a key.
     */
    public static Figure heatmap(double[][] z, double[] xTicks, double[] yTicks, boolean[][] region, PlotSpec spec) {
        return heatmap(z, xTicks, yTicks, region, null, spec);
    }

    /** As above, with points (e.g. parameter samples) drawn over the cells; null for none. */
    public static Figure heatmap(
            double[][] z, double[] xTicks, double[] yTicks, boolean[][] region, PointOverlay points, PlotSpec spec) {
        return HeatmapChart.build(z, xTicks, yTicks, region, points, PlotSpec.orDefaults(spec));
    }

    /**
     * Grid of histograms (diagonal) and pairwise scatter plots for {@code samples} of shape n x d.
     * {@code names} has d entries or is null for x0..x(d-1). Saves as PNG or SVG.
     */
    public static Figure pairplot(double[][] samples, String[] names, PlotSpec spec) {
        return PairPlot.build(samples, names, PlotSpec.orDefaults(spec));
    }
}
