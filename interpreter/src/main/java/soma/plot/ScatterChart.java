package soma.plot;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Several independent point clouds, e.g. eigenvalues of a few connectivity matrices in the complex
 * plane (x = real part, y = imaginary part).
 */
final class ScatterChart {
    private ScatterChart() {}

    static Figure build(List<double[]> xs, List<double[]> ys, PlotSpec spec) {
        Data.checkScatter(xs, ys);
        List<String> names = Names.unique(spec.seriesNames(xs.size()));

        int skipped = 0;
        int drawn = 0;
        double[][][] clean = new double[xs.size()][][];
        for (int k = 0; k < xs.size(); k++) {
            clean[k] = usablePairs(xs.get(k), ys.get(k), spec.logX(), spec.logY());
            skipped += xs.get(k).length - clean[k][0].length;
            drawn += clean[k][0].length;
        }
        if (drawn == 0) {
            throw new IllegalArgumentException("scatter plot has no finite points"
                    + (spec.logX() || spec.logY() ? " (log axes need positive values)" : ""));
        }

        boolean legend = xs.size() > 1 || !spec.labels().isEmpty();
        XYChart chart = ChartStyle.newChart(spec, spec.width(), spec.height(), legend);
        for (int k = 0; k < xs.size(); k++) {
            double[] cx = clean[k][0];
            double[] cy = clean[k][1];
            if (cx.length == 0) {
                // XChart rejects empty series; a lone NaN point keeps the set's legend entry and colour
                // so the legend still matches the caller's list even when one set fully diverged.
                cx = new double[] {Double.NaN};
                cy = new double[] {Double.NaN};
            }
            XYSeries s = chart.addSeries(names.get(k), cx, cy);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        TickHint.add(chart, range(clean, 0), range(clean, 1), spec.logX(), spec.logY());
        return new ChartFigure(chart, skipped);
    }

    /** Range of coordinate {@code c} (0 = x, 1 = y) over all cleaned point sets. */
    private static double[] range(double[][][] clean, int c) {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[][] set : clean) {
            for (double v : set[c]) {
                r[0] = Math.min(r[0], v);
                r[1] = Math.max(r[1], v);
            }
        }
        return r;
    }

    /** {x, y} holding only the pairs where both coordinates are usable. */
    static double[][] usablePairs(double[] x, double[] y, boolean logX, boolean logY) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Data.usable(x[i], logX) && Data.usable(y[i], logY)) {
                n++;
            }
        }
        double[] cx = new double[n];
        double[] cy = new double[n];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (Data.usable(x[i], logX) && Data.usable(y[i], logY)) {
                cx[j] = x[i];
                cy[j] = y[i];
                j++;
            }
        }
        return new double[][] {cx, cy};
    }
}
