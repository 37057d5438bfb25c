package soma.plot;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * The house style applied to every XChart chart, plus the spec options that map one-to-one onto
 * XChart's styler (titles, log axes, limits).
 */
final class ChartStyle {
    private ChartStyle() {}

    /** Matplotlib's "tab10": distinguishable, colour-blind tolerant, familiar to the audience. */
    static final Color[] SERIES_COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)
    };

    static XYChart newChart(PlotSpec spec, int width, int height, boolean legend) {
        XYChart chart = new XYChart(width, height);
        applyTitles(chart, spec);
        XYStyler s = chart.getStyler();
        // XChart's default grey frame looks dated in papers; plain white reads better when printed.
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.DARK_GRAY);
        s.setPlotGridLinesColor(new Color(0xE0E0E0));
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setSeriesColors(SERIES_COLORS);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendVisible(legend);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartTitleVisible(spec.title() != null && !spec.title().isEmpty());
        s.setXAxisTitleVisible(spec.xLabel() != null && !spec.xLabel().isEmpty());
        s.setYAxisTitleVisible(spec.yLabel() != null && !spec.yLabel().isEmpty());
        s.setMarkerSize(spec.markerSize());
        applyAxes(s, spec);
        return chart;
    }

    static void applyTitles(XYChart chart, PlotSpec spec) {
        chart.setTitle(spec.title() == null ? "" : spec.title());
        chart.setXAxisTitle(spec.xLabel() == null ? "" : spec.xLabel());
        chart.setYAxisTitle(spec.yLabel() == null ? "" : spec.yLabel());
    }

    static void applyAxes(XYStyler s, PlotSpec spec) {
        // A non-positive limit on a log axis would make XChart throw mid-render with a vaguer message.
        if (spec.logX() && spec.xMin() != null && spec.xMin() <= 0) {
            throw new IllegalArgumentException("x limit " + spec.xMin() + " is not positive on a log axis");
        }
        if (spec.logY() && spec.yMin() != null && spec.yMin() <= 0) {
            throw new IllegalArgumentException("y limit " + spec.yMin() + " is not positive on a log axis");
        }
        s.setXAxisLogarithmic(spec.logX());
        s.setYAxisLogarithmic(spec.logY());
        s.setXAxisMin(spec.xMin());
        s.setXAxisMax(spec.xMax());
        s.setYAxisMin(spec.yMin());
        s.setYAxisMax(spec.yMax());
    }
}
