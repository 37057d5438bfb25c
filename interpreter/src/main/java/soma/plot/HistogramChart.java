package soma.plot;

import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A single distribution drawn as a filled step outline (matplotlib's histtype="stepfilled"). */
final class HistogramChart {
    private HistogramChart() {}

    /** On a log y axis an empty bin cannot sit at 0, so it is drawn down to this level instead. */
    static final double LOG_FLOOR = 0.5;

    static Figure build(double[] data, int bins, PlotSpec spec) {
        if (spec.logX()) {
            throw new IllegalArgumentException(
                    "log x axis is not supported for histograms (bins are equal-width); log-transform the data instead");
        }
        Binning h = Binning.of(data, bins, spec.xMin(), spec.xMax());
        PlotSpec s = spec.yLabel() == null ? spec.withYLabel("count") : spec;
        XYChart chart =
                ChartStyle.newChart(s, s.width(), s.height(), !s.labels().isEmpty());
        String name = s.labels().isEmpty() ? "data" : s.seriesNames(1).get(0);
        double[][] outline = outline(h, s.logY() ? LOG_FLOOR : 0.0);
        XYSeries series = chart.addSeries(name, outline[0], outline[1]);
        // A bar chart of many bins via XChart's CategoryChart labels every bar; an XY polygon keeps a
        // numeric x axis, which is what a distribution needs.
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        series.setMarker(SeriesMarkers.NONE);
        Color c = ChartStyle.SERIES_COLORS[0];
        series.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
        series.setLineColor(c.darker());
        TickHint.add(
                chart,
                new double[] {h.edges()[0], h.edges()[h.edges().length - 1]},
                new double[] {s.logY() ? LOG_FLOOR : 0.0, Math.max(h.maxCount(), 1.0)},
                false,
                s.logY());
        return new ChartFigure(chart, h.skipped());
    }

    /** Polygon tracing the tops of the bars: up and across each bin, closed at {@code base}. */
    static double[][] outline(Binning h, double base) {
        int n = h.counts().length;
        double[] x = new double[2 * n + 2];
        double[] y = new double[2 * n + 2];
        x[0] = h.edges()[0];
        y[0] = base;
        for (int i = 0; i < n; i++) {
            double top = Math.max(h.counts()[i], base);
            x[2 * i + 1] = h.edges()[i];
            y[2 * i + 1] = top;
            x[2 * i + 2] = h.edges()[i + 1];
            y[2 * i + 2] = top;
        }
        x[2 * n + 1] = h.edges()[n];
        y[2 * n + 1] = base;
        return new double[][] {x, y};
    }
}
