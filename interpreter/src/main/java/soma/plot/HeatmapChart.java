package soma.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;

/**
 * A matrix drawn as coloured cells with a colour bar, optionally with an outlined region (e.g.
 * "where the hub frequency is 0.525 ± 0.025 Hz" over a parameter sweep).
 *
 * <p>Layout convention follows matplotlib's imshow with origin="lower": {@code z[i][j]} is the
 * value at ({@code xTicks[j]}, {@code yTicks[i]}), so row 0 is at the bottom.
 */
final class HeatmapChart {
    private HeatmapChart() {}

    static Figure build(
            double[][] z, double[] xTicks, double[] yTicks, boolean[][] mask, PointOverlay points, PlotSpec spec) {
        Data.shape(z, "heat map z");
        int skipped = 0;
        for (double[] row : z) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    skipped++;
                }
            }
        }
        return render(z, xTicks, yTicks, mask, points, spec, skipped);
    }

    /** As {@link #build}, with the skipped count supplied by a caller that derived z from raw data. */
    static Figure render(
            double[][] z,
            double[] xTicks,
            double[] yTicks,
            boolean[][] mask,
            PointOverlay points,
            PlotSpec spec,
            int skipped) {
        int[] shape = Data.shape(z, "heat map z");
        int rows = shape[0];
        int cols = shape[1];
        double[] xt = xTicks == null ? CellEdges.indices(cols) : xTicks;
        double[] yt = yTicks == null ? CellEdges.indices(rows) : yTicks;
        CellEdges.check(xt, cols, "x", spec.logX());
        CellEdges.check(yt, rows, "y", spec.logY());
        checkMask(mask, rows, cols);

        double[] colour = colourRange(z, spec);
        double[] xe = CellEdges.of(xt, spec.logX());
        double[] ye = CellEdges.of(yt, spec.logY());

        int barStrip = Math.min(110, spec.width() / 3);
        int chartWidth = spec.width() - barStrip;
        XYChart chart = ChartStyle.newChart(spec, chartWidth, spec.height(), false);
        XYStyler s = chart.getStyler();
        // The grid should end at the plot border; XChart otherwise insets the data range by 4% on each
        // side. Exactly 1.0 makes XChart 3.8.8 drop all tick labels, 0.9999 does not (<0.1 px inset).
        s.setPlotContentSize(0.9999);
        s.setPlotGridLinesVisible(false);
        s.setXAxisMin(spec.xMin() != null ? spec.xMin() : xe[0]);
        s.setXAxisMax(spec.xMax() != null ? spec.xMax() : xe[xe.length - 1]);
        s.setYAxisMin(spec.yMin() != null ? spec.yMin() : ye[0]);
        s.setYAxisMax(spec.yMax() != null ? spec.yMax() : ye[ye.length - 1]);
        // XChart needs at least one series to build its axes; the hint series spans the grid,
        // draws nothing and keeps the ticks on round numbers.
        TickHint.add(
                chart,
                new double[] {xe[0], xe[xe.length - 1]},
                new double[] {ye[0], ye[ye.length - 1]},
                spec.logX(),
                spec.logY());

        HeatmapLayer layer =
                new HeatmapLayer(copy(z), xe, ye, copy(mask), colour[0], colour[1], spec.regionLabel(), points);
        chart.addAnnotation(layer);
        String caption = spec.colorLabel();
        int height = spec.height();
        return new CanvasFigure(spec.title(), spec.width(), height, skipped, g -> {
            chart.paint(g, chartWidth, height);
            // The layer recorded the plot area while painting, so the bar lines up with the cells.
            ColorBar.paint(g, chartWidth, layer.plotTop(), layer.plotBottom(), colour[0], colour[1], caption);
        });
    }

    static void checkMask(boolean[][] mask, int rows, int cols) {
        if (mask == null) {
            return;
        }
        if (mask.length != rows) {
            throw new IllegalArgumentException("region mask has " + mask.length + " rows but z has " + rows);
        }
        for (int i = 0; i < rows; i++) {
            if (mask[i] == null || mask[i].length != cols) {
                throw new IllegalArgumentException("region mask row " + i + " must have " + cols + " entries like z");
            }
        }
    }

    /** Colour limits from the spec, else from the finite data; a flat map gets a ±0.5 range. */
    static double[] colourRange(double[][] z, PlotSpec spec) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            throw new IllegalArgumentException("heat map has no finite values");
        }
        if (spec.colorMin() != null) {
            lo = spec.colorMin();
        }
        if (spec.colorMax() != null) {
            hi = spec.colorMax();
        }
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        if (lo > hi) {
            throw new IllegalArgumentException(
                    "colour limits [" + lo + ", " + hi + "] are inverted relative to the data");
        }
        return new double[] {lo, hi};
    }

    /** The figure may be saved long after the call; the caller's arrays must not change it. */
    private static double[][] copy(double[][] z) {
        double[][] c = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            c[i] = z[i].clone();
        }
        return c;
    }

    private static boolean[][] copy(boolean[][] m) {
        if (m == null) {
            return null;
        }
        boolean[][] c = new boolean[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
