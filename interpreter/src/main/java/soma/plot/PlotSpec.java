package soma.plot;

import java.util.List;

/**
 * Options shared by every chart kind and by the text previews.
 *
 * <p>Immutable so one spec can be reused for several plots; the interpreter maps keyword
 * arguments onto the {@code with...} methods. Every field has a usable default, so
 * {@code PlotSpec.defaults()} (or passing {@code null} to a chart method) is always valid.
 *
 * @param title chart title, or null for none
 * @param xLabel x axis title, or null
 * @param yLabel y axis title, or null
 * @param labels legend label per series; empty means "use y0, y1, ..." and no legend for a single
 *     series
 * @param width image width in pixels
 * @param height image height in pixels
 * @param logX logarithmic x axis (non-positive x values are skipped and counted)
 * @param logY logarithmic y axis (non-positive y values are skipped and counted)
 * @param xMin lower x limit, or null for automatic
 * @param xMax upper x limit, or null for automatic
 * @param yMin lower y limit, or null for automatic
 * @param yMax upper y limit, or null for automatic
 * @param markerSize scatter marker diameter in pixels
 * @param colorMin lower end of a heat map's colour scale, or null for the data minimum
 * @param colorMax upper end of a heat map's colour scale, or null for the data maximum
 * @param colorLabel caption of a heat map's colour bar, or null
 * @param regionLabel legend text for a heat map's outlined region, or null
 */
public record PlotSpec(
        String title,
        String xLabel,
        String yLabel,
        List<String> labels,
        int width,
        int height,
        boolean logX,
        boolean logY,
        Double xMin,
        Double xMax,
        Double yMin,
        Double yMax,
        int markerSize,
        Double colorMin,
        Double colorMax,
        String colorLabel,
        String regionLabel) {

    public static final int DEFAULT_WIDTH = 800;
    public static final int DEFAULT_HEIGHT = 600;
    public static final int DEFAULT_MARKER_SIZE = 6;

    /** Validates eagerly so a bad option fails where it was set, not deep inside rendering. */
    public PlotSpec {
        labels = labels == null ? List.of() : List.copyOf(labels);
        if (width < 16 || height < 16) {
            throw new IllegalArgumentException("plot size must be at least 16x16 pixels, got " + width + "x" + height);
        }
        if (markerSize < 1) {
            throw new IllegalArgumentException("marker size must be positive, got " + markerSize);
        }
        checkLimits("x", xMin, xMax);
        checkLimits("y", yMin, yMax);
        checkLimits("colour", colorMin, colorMax);
    }

    private static void checkLimits(String axis, Double lo, Double hi) {
        if (lo != null && !Double.isFinite(lo) || hi != null && !Double.isFinite(hi)) {
            throw new IllegalArgumentException(axis + " limits must be finite numbers");
        }
        if (lo != null && hi != null && !(lo < hi)) {
            throw new IllegalArgumentException(axis + " limits must satisfy min < max, got [" + lo + ", " + hi + "]");
        }
    }

    public static PlotSpec defaults() {
        return new PlotSpec(
                null,
                null,
                null,
                List.of(),
                DEFAULT_WIDTH,
                DEFAULT_HEIGHT,
                false,
                false,
                null,
                null,
                null,
                null,
                DEFAULT_MARKER_SIZE,
                null,
                null,
                null,
                null);
    }

    /** Lets chart methods accept null as "all defaults". */
    static PlotSpec orDefaults(PlotSpec spec) {
        return spec == null ? defaults() : spec;
    }

    public PlotSpec withTitle(String t) {
        return new PlotSpec(
                t,
                xLabel,
                yLabel,
                labels,
                width,
                height,
                logX,
                logY,
                xMin,
                xMax,
                yMin,
                yMax,
                markerSize,
                colorMin,
                colorMax,
                colorLabel,
                regionLabel);
    }

    public PlotSpec withXLabel(String l) {
        return new PlotSpec(
                title,
                l,
                yLabel,
                labels,
                width,
                height,
                logX,
                logY,
                xMin,
                xMax,
                yMin,
                yMax,
                markerSize,
                colorMin,
                colorMax,
                colorLabel,
                regionLabel);
    }

    public PlotSpec withYLabel(String l) {
        return new PlotSpec(
                title,
                xLabel,
                l,
                labels,
                width,
                height,
                logX,
                logY,
                xMin,
                xMax,
                yMin,
                yMax,
                markerSize,
                colorMin,
                colorMax,
                colorLabel,
                regionLabel);
    }

    public PlotSpec withLabels(List<String> ls) {
        return new PlotSpec(
                title,
                xLabel,
                yLabel,
                ls,
                width,
                height,
                logX,
                logY,
                xMin,
                xMax,
                yMin,
                yMax,
                markerSize,
                colorMin,
                colorMax,
                colorLabel,
                regionLabel);
    }

    public PlotSpec withLabels(String... ls) {
        return withLabels(List.of(ls));
    }

    public PlotSpec withSize(int w, int h) {
        return new PlotSpec(
                title,
                xLabel,
                yLabel,
                labels,
                w,
                h,
                logX,
                logY,
                xMin,
                xMax,
                yMin,
                yMax,
                markerSize,
                colorMin,
                colorMax,
                colorLabel,
                regionLabel);
    }

    public PlotSpec withLogX(boolean on) {
        return new PlotSpec(
                title,
                xLabel,
                yLabel,
                labels,
                width,
                height,
                on,
                logY,
                xMin,
                xMax,
                yMin,
                yMax,
                markerSize,
                colorMin,
                colorMax,
                colorLabel,
                regionLabel);
    }

    public PlotSpec withLogY(boolean on) {
        return new PlotSpec(
                title,
                xLabel,
                yLabel,
                labels,
                width,
                height,
                logX,
                on,
                xMin,
                xMax,
                yMin,
                yMax,
                markerSize,
                colorMin,
                colorMax,
                colorLabel,
                regionLabel);
    }

    /** Either bound may be null to leave that side automatic. */
    public PlotSpec withXLim(Double lo, Double hi) {
        return new PlotSpec(
                title,
                xLabel,
                yLabel,
                labels,
                width,
                height,
                logX,
                logY,
                lo,
                hi,
                yMin,
                yMax,
                markerSize,
                colorMin,
                colorMax,
                colorLabel,
                regionLabel);
    }

    /** Either bound may be null to leave that side automatic. */
    public PlotSpec withYLim(Double lo, Double hi) {
        return new PlotSpec(
                title,
                xLabel,
                yLabel,
                labels,
                width,
                height,
                logX,
                logY,
                xMin,
                xMax,
                lo,
                hi,
                markerSize,
                colorMin,
                colorMax,
                colorLabel,
                regionLabel);
    }

    public PlotSpec withMarkerSize(int px) {
        return new PlotSpec(
                title,
                xLabel,
                yLabel,
                labels,
                width,
                height,
                logX,
                logY,
                xMin,
                xMax,
                yMin,
                yMax,
                px,
                colorMin,
                colorMax,
                colorLabel,
                regionLabel);
    }

    /** Either bound may be null to take it from the data. */
    public PlotSpec withColorLim(Double lo, Double hi) {
        return new PlotSpec(
                title,
                xLabel,
                yLabel,
                labels,
                width,
                height,
                logX,
                logY,
                xMin,
                xMax,
                yMin,
                yMax,
                markerSize,
                lo,
                hi,
                colorLabel,
                regionLabel);
    }

    public PlotSpec withColorLabel(String l) {
        return new PlotSpec(
                title,
                xLabel,
                yLabel,
                labels,
                width,
                height,
                logX,
                logY,
                xMin,
                xMax,
                yMin,
                yMax,
                markerSize,
                colorMin,
                colorMax,
                l,
                regionLabel);
    }

    public PlotSpec withRegionLabel(String l) {
        return new PlotSpec(
                title,
                xLabel,
                yLabel,
                labels,
                width,
                height,
                logX,
                logY,
                xMin,
                xMax,
                yMin,
                yMax,
                markerSize,
                colorMin,
                colorMax,
                colorLabel,
                l);
    }

    /**
     * Legend names for {@code n} series: the given labels, or y0..y(n-1) when none were given.
     * A count mismatch is an error rather than a silent truncation, because it almost always means
     * the caller passed the series in a different shape than intended.
     */
    List<String> seriesNames(int n) {
        if (labels.isEmpty()) {
            String[] names = new String[n];
            for (int i = 0; i < n; i++) {
                names[i] = n == 1 ? "y" : "y" + i;
            }
            return List.of(names);
        }
        if (labels.size() != n) {
            throw new IllegalArgumentException("got " + labels.size() + " legend labels for " + n + " series");
        }
        return labels;
    }
}
