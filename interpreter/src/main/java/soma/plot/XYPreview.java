package soma.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Text previews of line and scatter data: braille dots, or one glyph per point set. */
final class XYPreview {
    private XYPreview() {}

    /** Glyphs for {@link #markers}; '#' is reserved for cells shared by several sets. */
    static final char[] MARKERS = {'•', 'x', '+', 'o', '*', '~', '^', '='};

    static final char OVERLAP = '#';

    static String line(double[] x, List<double[]> ys, PlotSpec spec, int cols, int rows) {
        Data.checkLine(x, ys);
        List<double[]> xs = new ArrayList<>();
        for (int k = 0; k < ys.size(); k++) {
            xs.add(x);
        }
        return braille(xs, ys, spec, cols, rows, true);
    }

    static String scatter(List<double[]> xs, List<double[]> ys, PlotSpec spec, int cols, int rows) {
        Data.checkScatter(xs, ys);
        return braille(xs, ys, spec, cols, rows, false);
    }

    private static String braille(
            List<double[]> xs, List<double[]> ys, PlotSpec spec, int cols, int rows, boolean connect) {
        List<String> names = spec.seriesNames(ys.size());
        BrailleCanvas canvas = new BrailleCanvas(cols, rows);
        AxisScale[] sc = scales(xs, ys, spec, canvas.dotWidth(), canvas.dotHeight());
        SkipCount skip = new SkipCount();
        for (int k = 0; k < ys.size(); k++) {
            double[] x = xs.get(k);
            double[] y = ys.get(k);
            double[] prev = null;
            for (int i = 0; i < x.length; i++) {
                if (!skip.accept(x[i], y[i], spec.logX(), spec.logY())) {
                    prev = null; // a skipped sample breaks the line, as in the chart
                    continue;
                }
                double[] p = {sc[0].position(x[i]), sc[1].position(y[i])};
                if (connect && prev != null) {
                    canvas.line(prev[0], prev[1], p[0], p[1]);
                } else {
                    canvas.line(p[0], p[1], p[0], p[1]); // a single dot, clipped like a segment
                }
                prev = p;
            }
        }
        List<String> footer = new ArrayList<>();
        if (ys.size() > 1) {
            footer.add("series (overlaid): " + String.join(", ", names));
        } else if (!spec.labels().isEmpty()) {
            footer.add("series: " + names.get(0));
        }
        footer.addAll(skip.notes());
        return frame(spec, canvas.rows(), cols, sc, footer);
    }

    /**
     * Scatter at one glyph per character cell with a distinct glyph per point set: coarser than
     * braille, but the sets stay distinguishable (e.g. eigenvalues of two matrices).
     */
    static String markers(List<double[]> xs, List<double[]> ys, PlotSpec spec, int cols, int rows) {
        Data.checkScatter(xs, ys);
        List<String> names = spec.seriesNames(ys.size());
        AxisScale[] sc = scales(xs, ys, spec, cols, rows);
        int[] owners = new int[cols * rows]; // bit k set: set k has a point in the cell
        SkipCount skip = new SkipCount();
        for (int k = 0; k < ys.size(); k++) {
            double[] x = xs.get(k);
            double[] y = ys.get(k);
            for (int i = 0; i < x.length; i++) {
                if (!skip.accept(x[i], y[i], spec.logX(), spec.logY())) {
                    continue;
                }
                long c = Math.round(sc[0].position(x[i]));
                long r = Math.round(sc[1].position(y[i]));
                if (c >= 0 && c < cols && r >= 0 && r < rows) {
                    owners[(int) r * cols + (int) c] |= 1 << Math.min(k, 30);
                }
            }
        }
        String[] lines = new String[rows];
        for (int r = 0; r < rows; r++) {
            char[] line = new char[cols];
            Arrays.fill(line, ' ');
            for (int c = 0; c < cols; c++) {
                int o = owners[r * cols + c];
                if (o != 0) {
                    line[c] = Integer.bitCount(o) > 1
                            ? OVERLAP
                            : MARKERS[Integer.numberOfTrailingZeros(o) % MARKERS.length];
                }
            }
            lines[r] = new String(line);
        }
        List<String> legend = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            legend.add(MARKERS[k % MARKERS.length] + " " + names.get(k));
        }
        List<String> footer = new ArrayList<>();
        footer.add(String.join("   ", legend) + (ys.size() > 1 ? "   " + OVERLAP + " several" : ""));
        footer.addAll(skip.notes());
        return frame(spec, lines, cols, sc, footer);
    }

    /** Axis scales over all drawable points, honouring limits and log axes from the spec. */
    private static AxisScale[] scales(List<double[]> xs, List<double[]> ys, PlotSpec spec, int nx, int ny) {
        double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int k = 0; k < ys.size(); k++) {
            double[] x = xs.get(k);
            double[] y = ys.get(k);
            for (int i = 0; i < x.length; i++) {
                if (Data.usable(x[i], spec.logX()) && Data.usable(y[i], spec.logY())) {
                    xr[0] = Math.min(xr[0], x[i]);
                    xr[1] = Math.max(xr[1], x[i]);
                    yr[0] = Math.min(yr[0], y[i]);
                    yr[1] = Math.max(yr[1], y[i]);
                }
            }
        }
        if (xr[0] > xr[1]) {
            throw new IllegalArgumentException("nothing to preview: no finite points"
                    + (spec.logX() || spec.logY() ? " (log axes need positive values)" : ""));
        }
        return new AxisScale[] {
            AxisScale.of(xr, spec.xMin(), spec.xMax(), spec.logX(), nx, false),
            AxisScale.of(yr, spec.yMin(), spec.yMax(), spec.logY(), ny, true)
        };
    }

    private static String frame(PlotSpec spec, String[] rows, int cols, AxisScale[] sc, List<String> footer) {
        return TextFrame.render(
                spec.title(),
                spec.yLabel(),
                sc[1].hiLabel(),
                sc[1].loLabel(),
                List.of(rows),
                cols,
                sc[0].loLabel(),
                sc[0].hiLabel(),
                spec.xLabel(),
                footer);
    }
}
