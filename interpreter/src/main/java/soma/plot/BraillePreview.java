package soma.plot;

import java.util.Collections;
import java.util.List;

/**
 * Quick text previews for terminals and logs. Every method returns a String (never prints),
 * lines separated by '\n' without a trailing newline.
 *
 * <p>Sizes are in character cells; braille plots hold 2 x 4 dots per cell. The spec supplies
 * title, axis labels, legend labels, limits and log axes; pixel sizes and marker size are ignored.
 * NaN/Inf points (and non-positive ones on a log axis) are skipped and counted in a note.
 */
public final class BraillePreview {
    public static final int DEFAULT_COLS = 60;
    public static final int DEFAULT_ROWS = 15;

    private BraillePreview() {}

    /** Lines through the points of each series over a shared x, overlaid in braille. */
    public static String line(double[] x, List<double[]> ys, PlotSpec spec) {
        return line(x, ys, spec, DEFAULT_COLS, DEFAULT_ROWS);
    }

    public static String line(double[] x, List<double[]> ys, PlotSpec spec, int cols, int rows) {
        checkSize(cols, rows);
        return XYPreview.line(x, ys, PlotSpec.orDefaults(spec), cols, rows);
    }

    /** Single series with defaults. */
    public static String line(double[] x, double[] y) {
        return line(x, Collections.singletonList(y), null);
    }

    /** Point sets as braille dots, overlaid (sets are listed but not distinguishable). */
    public static String scatter(List<double[]> xs, List<double[]> ys, PlotSpec spec) {
        return scatter(xs, ys, spec, DEFAULT_COLS, DEFAULT_ROWS);
    }

    public static String scatter(List<double[]> xs, List<double[]> ys, PlotSpec spec, int cols, int rows) {
        checkSize(cols, rows);
        return XYPreview.scatter(xs, ys, PlotSpec.orDefaults(spec), cols, rows);
    }

    /**
     * Point sets with one glyph per set (• x + o * ~ ^ =, '#' where sets share a cell): coarser
     * than braille, but sets stay distinguishable.
     */
    public static String scatterMarkers(List<double[]> xs, List<double[]> ys, PlotSpec spec, int cols, int rows) {
        checkSize(cols, rows);
        return XYPreview.markers(xs, ys, PlotSpec.orDefaults(spec), cols, rows);
    }

    /** Histogram as vertical block bars; {@code rows} is the bar height in lines. */
    public static String histogram(double[] data, int bins, PlotSpec spec) {
        return histogram(data, bins, spec, DEFAULT_COLS, DEFAULT_ROWS);
    }

    public static String histogram(double[] data, int bins, PlotSpec spec, int cols, int rows) {
        checkSize(cols, rows);
        return BarPreview.render(data, bins, PlotSpec.orDefaults(spec), cols, rows);
    }

    /** Heat map in shades ░▒▓█; region cells (mask may be null) are shown as '#'. */
    public static String heatmap(double[][] z, double[] xTicks, double[] yTicks, boolean[][] region, PlotSpec spec) {
        return heatmap(z, xTicks, yTicks, region, spec, DEFAULT_COLS, DEFAULT_ROWS);
    }

    public static String heatmap(
            double[][] z, double[] xTicks, double[] yTicks, boolean[][] region, PlotSpec spec, int cols, int rows) {
        checkSize(cols, rows);
        return ShadePreview.render(z, xTicks, yTicks, region, PlotSpec.orDefaults(spec), cols, rows);
    }

    private static void checkSize(int cols, int rows) {
        // Two rows are the minimum that can carry both the max and the min label.
        if (cols < 2 || rows < 2 || cols > 1000 || rows > 1000) {
            throw new IllegalArgumentException(
                    "preview size must be between 2x2 and 1000x1000 cells, got " + cols + "x" + rows);
        }
    }
}
