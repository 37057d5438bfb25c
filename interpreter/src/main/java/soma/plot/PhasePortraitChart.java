package soma.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * An XPPAUT-style phase plane: direction field, the two nullclines, trajectories and the fixed
 * points marked by type. Polylines are given as (x, y) arrays with NaN in y between pieces,
 * which XChart draws as gaps.
 */
public final class PhasePortraitChart {
    private PhasePortraitChart() {}

    public record Polyline(String name, double[] x, double[] y) {}

    public record Point(String label, double x, double y, boolean stable) {}

    public static Figure build(
            Polyline field,
            List<Polyline> nullclines,
            List<Polyline> trajectories,
            List<Point> points,
            double[] xRange,
            double[] yRange,
            PlotSpec spec) {
        PlotSpec s = PlotSpec.orDefaults(spec).withXLim(xRange[0], xRange[1]).withYLim(yRange[0], yRange[1]);
        XYChart chart = ChartStyle.newChart(s, s.width(), s.height(), true);
        line(chart, field, new Color(0xB0B0B0), 1f);
        Color[] nullColors = {new Color(0xd62728), new Color(0x1f77b4)};
        for (int k = 0; k < nullclines.size(); k++) line(chart, nullclines.get(k), nullColors[k % 2], 2.2f);
        for (int k = 0; k < trajectories.size(); k++) {
            line(chart, trajectories.get(k), k == 0 ? new Color(0x2ca02c) : new Color(0x2ca02c).darker(), 1.2f);
        }
        for (Point p : points) {
            XYSeries dot = chart.addSeries(p.label(), new double[] {p.x()}, new double[] {p.y()});
            dot.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            dot.setMarker(p.stable() ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            dot.setMarkerColor(p.stable() ? Color.BLACK : new Color(0xff7f0e));
        }
        chart.getStyler().setMarkerSize(10);
        return new ChartFigure(chart, 0);
    }

    private static void line(XYChart chart, Polyline p, Color color, float width) {
        if (p.x().length == 0) return;
        XYSeries s = chart.addSeries(p.name(), p.x(), p.y());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width));
    }
}
