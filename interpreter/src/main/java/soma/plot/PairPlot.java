package soma.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A d x d grid of small charts for n samples of d variables (e.g. posterior samples of model
 * parameters): histograms on the diagonal, pairwise scatter plots elsewhere.
 *
 * <p>Each panel is an independent XChart chart painted into its cell of one canvas, so PNG and SVG
 * both work. Only title, size and marker size of the spec apply; per-axis options (labels,
 * limits) have no single meaning across panels and are ignored, and log axes are rejected.
 */
final class PairPlot {
    private PairPlot() {}

    private static final int LEFT_BAND = 24;
    private static final int BOTTOM_BAND = 24;
    private static final int RIGHT_PAD = 8;
    private static final int MIN_PANEL = 60;

    static Figure build(double[][] samples, String[] names, PlotSpec spec) {
        int[] shape = Data.shape(samples, "pair plot samples");
        int d = shape[1];
        if (spec.logX() || spec.logY()) {
            throw new IllegalArgumentException("log axes are not supported for pair plots");
        }
        String[] labels = names == null ? defaultNames(d) : names;
        if (labels.length != d) {
            throw new IllegalArgumentException(
                    "pair plot has " + d + " variables (columns) but " + labels.length + " names");
        }

        // A sample with any NaN/Inf coordinate is dropped whole so every panel shows the same samples.
        double[][] cols = completeRows(samples, d);
        int kept = cols[0].length;
        int skipped = samples.length - kept;
        if (kept == 0) {
            throw new IllegalArgumentException("pair plot has no sample with all values finite");
        }

        boolean hasTitle = spec.title() != null && !spec.title().isEmpty();
        int titleBand = hasTitle ? 36 : 6;
        int pw = (spec.width() - LEFT_BAND - RIGHT_PAD) / d;
        int ph = (spec.height() - titleBand - BOTTOM_BAND) / d;
        if (pw < MIN_PANEL || ph < MIN_PANEL) {
            throw new IllegalArgumentException(
                    "a pair plot of " + d + " variables needs panels of at least " + MIN_PANEL + " px; "
                            + spec.width() + "x" + spec.height() + " gives " + pw + "x" + ph
                            + " (increase width/height)");
        }

        double[][] ranges = new double[d][];
        for (int k = 0; k < d; k++) {
            ranges[k] = Binning.resolveRange(Data.range(cols[k], false), null, null);
        }
        int bins = Math.max(5, Math.min(30, (int) Math.ceil(Math.sqrt(kept))));
        int marker = Math.max(2, spec.markerSize() / 2); // full-size markers swamp small panels
        XYChart[][] panels = new XYChart[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                panels[i][j] = i == j
                        ? diagonal(cols[j], bins, ranges[j], pw, ph)
                        : offDiagonal(cols[j], cols[i], ranges[j], ranges[i], pw, ph, marker);
            }
        }

        String title = spec.title();
        return new CanvasFigure(title, spec.width(), spec.height(), skipped, g -> {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    Graphics2D pg = (Graphics2D) g.create();
                    pg.translate(LEFT_BAND + j * pw, titleBand + i * ph);
                    panels[i][j].paint(pg, pw, ph);
                    pg.dispose();
                }
            }
            paintLabels(g, labels, title, pw, ph, titleBand, spec.width());
        });
    }

    private static String[] defaultNames(int d) {
        String[] n = new String[d];
        for (int k = 0; k < d; k++) {
            n[k] = "x" + k;
        }
        return n;
    }

    /** Columns of the rows whose every value is finite. */
    private static double[][] completeRows(double[][] samples, int d) {
        int n = 0;
        boolean[] ok = new boolean[samples.length];
        for (int r = 0; r < samples.length; r++) {
            ok[r] = true;
            for (double v : samples[r]) {
                ok[r] &= Double.isFinite(v);
            }
            if (ok[r]) {
                n++;
            }
        }
        double[][] cols = new double[d][n];
        int k = 0;
        for (int r = 0; r < samples.length; r++) {
            if (ok[r]) {
                for (int c = 0; c < d; c++) {
                    cols[c][k] = samples[r][c];
                }
                k++;
            }
        }
        return cols;
    }

    private static XYChart panel(int pw, int ph, double[] xRange) {
        XYChart chart = ChartStyle.newChart(PlotSpec.defaults(), pw, ph, false);
        XYStyler s = chart.getStyler();
        s.setChartPadding(3);
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        s.setAxisTickMarkLength(3);
        s.setAxisTickPadding(2);
        // A fixed width for the y tick labels keeps the plot areas of one column aligned.
        s.setYAxisLeftWidthHint(34);
        double pad = 0.05 * (xRange[1] - xRange[0]);
        s.setXAxisMin(xRange[0] - pad);
        s.setXAxisMax(xRange[1] + pad);
        return chart;
    }

    private static XYChart diagonal(double[] v, int bins, double[] range, int pw, int ph) {
        XYChart chart = panel(pw, ph, range);
        Binning h = Binning.of(v, bins, range[0], range[1]);
        double[][] outline = HistogramChart.outline(h, 0);
        chart.getStyler().setYAxisMin(0.0);
        XYSeries s = chart.addSeries("hist", outline[0], outline[1]);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        Color c = ChartStyle.SERIES_COLORS[0];
        s.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
        s.setLineColor(c.darker());
        TickHint.add(chart, range, new double[] {0, Math.max(h.maxCount(), 1.0)}, false, false);
        return chart;
    }

    private static XYChart offDiagonal(
            double[] x, double[] y, double[] xRange, double[] yRange, int pw, int ph, int marker) {
        XYChart chart = panel(pw, ph, xRange);
        XYStyler st = chart.getStyler();
        double pad = 0.05 * (yRange[1] - yRange[0]);
        st.setYAxisMin(yRange[0] - pad);
        st.setYAxisMax(yRange[1] + pad);
        st.setMarkerSize(marker);
        XYSeries s = chart.addSeries("samples", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        Color c = ChartStyle.SERIES_COLORS[0];
        // Translucent markers let dense regions read darker, like a density.
        s.setMarkerColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 140));
        TickHint.add(chart, xRange, yRange, false, false);
        return chart;
    }

    private static void paintLabels(
            Graphics2D g, String[] names, String title, int pw, int ph, int titleBand, int width) {
        int d = names.length;
        g.setColor(Color.BLACK);
        if (title != null && !title.isEmpty()) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            FontMetrics tm = g.getFontMetrics();
            g.drawString(title, (width - tm.stringWidth(title)) / 2, 8 + tm.getAscent());
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int bottom = titleBand + d * ph;
        for (int k = 0; k < d; k++) {
            String n = names[k] == null ? "" : names[k];
            int cx = LEFT_BAND + k * pw + pw / 2;
            g.drawString(n, cx - fm.stringWidth(n) / 2, bottom + 4 + fm.getAscent());
            int cy = titleBand + k * ph + ph / 2;
            AffineTransform saved = g.getTransform();
            g.translate(4 + fm.getAscent(), cy + fm.stringWidth(n) / 2);
            g.rotate(-Math.PI / 2);
            g.drawString(n, 0, 0);
            g.setTransform(saved);
        }
    }
}
