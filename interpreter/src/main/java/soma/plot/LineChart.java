package soma.plot;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Several y series over one shared x grid, e.g. firing rates of a few populations over time. */
final class LineChart {
    private LineChart() {}

    static Figure build(double[] x, List<double[]> ys, PlotSpec spec) {
        Data.checkLine(x, ys);
        List<String> names = Names.unique(spec.seriesNames(ys.size()));

        // Unusable values become NaN y, which XChart draws as a gap, so a diverging stretch is not
        // bridged by a misleading straight line (the text preview breaks its lines the same way).
        // XChart cannot take a NaN x, so a sample with unusable x borrows a neighbouring usable x;
        // its y is NaN in every series, so it only ever contributes the gap.
        int[] keep = usableIndices(x, spec.logX());
        if (keep.length == 0) {
            throw new IllegalArgumentException(
                    "line plot has no finite x values" + (spec.logX() ? " (log axes need positive values)" : ""));
        }
        double[] cx = new double[x.length];
        boolean[] xOk = new boolean[x.length];
        for (int i : keep) {
            xOk[i] = true;
        }
        double last = x[keep[0]];
        for (int i = 0; i < x.length; i++) {
            if (xOk[i]) {
                last = x[i];
            }
            cx[i] = last;
        }
        int skipped = 0;
        double[][] cys = new double[ys.size()][x.length];
        boolean anyPoint = false;
        for (int k = 0; k < ys.size(); k++) {
            double[] y = ys.get(k);
            for (int i = 0; i < x.length; i++) {
                if (xOk[i] && Data.usable(y[i], spec.logY())) {
                    cys[k][i] = y[i];
                    anyPoint = true;
                } else {
                    cys[k][i] = Double.NaN;
                    skipped++;
                }
            }
        }
        if (!anyPoint) {
            throw new IllegalArgumentException("line plot has no finite points"
                    + (spec.logX() || spec.logY() ? " (log axes need positive values)" : ""));
        }

        boolean legend = ys.size() > 1 || !spec.labels().isEmpty();
        XYChart chart = ChartStyle.newChart(spec, spec.width(), spec.height(), legend);
        for (int k = 0; k < ys.size(); k++) {
            XYSeries s = chart.addSeries(names.get(k), cx, cys[k]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            // Markers on every sample swamp dense time series, but a series with a single drawable
            // sample has no segment to show and would be invisible without one.
            if (Arrays.stream(cys[k]).filter(Double::isFinite).count() > 1) {
                s.setMarker(SeriesMarkers.NONE);
            }
        }
        TickHint.add(chart, Data.range(cx, spec.logX()), yRange(cys), spec.logX(), spec.logY());
        return new ChartFigure(chart, skipped);
    }

    private static double[] yRange(double[][] cys) {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] y : cys) {
            double[] ry = Data.range(y, false); // NaN gaps are skipped; log-invalid values are NaN now
            if (ry != null) {
                r[0] = Math.min(r[0], ry[0]);
                r[1] = Math.max(r[1], ry[1]);
            }
        }
        return r;
    }

    /** Indices of the x values that can be placed on the axis; shared with the text preview. */
    static int[] usableIndices(double[] x, boolean log) {
        return IntStream.range(0, x.length).filter(i -> Data.usable(x[i], log)).toArray();
    }
}
