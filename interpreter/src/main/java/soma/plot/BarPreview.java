package soma.plot;

import java.util.ArrayList;
import java.util.List;

/** Text histogram: one vertical bar per bin built from the eighth blocks ▁▂▃▄▅▆▇█. */
final class BarPreview {
    private BarPreview() {}

    static final String BLOCKS = "▁▂▃▄▅▆▇█";

    static String render(double[] data, int bins, PlotSpec spec, int cols, int rows) {
        if (spec.logX()) {
            throw new IllegalArgumentException(
                    "log x axis is not supported for histograms (bins are equal-width); log-transform the data instead");
        }
        Binning h = Binning.of(data, bins, spec.xMin(), spec.xMax());
        int barWidth = Math.max(1, cols / bins); // few bins: widen bars to use the space
        double max = h.maxCount();
        double floor = HistogramChart.LOG_FLOOR;
        int[] eighths = new int[bins];
        for (int b = 0; b < bins; b++) {
            double c = h.counts()[b];
            double frac;
            if (max <= 0 || c <= 0) {
                frac = 0;
            } else if (spec.logY()) {
                frac = Math.log(c / floor) / Math.log(max / floor);
            } else {
                frac = c / max;
            }
            eighths[b] = (int) Math.round(frac * rows * 8);
            if (c > 0 && eighths[b] == 0) {
                eighths[b] = 1; // a non-empty bin must never look empty
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int level = rows - 1 - r; // rows counted from the bottom
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < bins; k++) {
                int fill = Math.max(0, Math.min(8, eighths[k] - 8 * level));
                char ch = fill == 0 ? ' ' : BLOCKS.charAt(fill - 1);
                b.append(String.valueOf(ch).repeat(barWidth));
            }
            lines.add(b.toString());
        }
        List<String> footer = new ArrayList<>();
        if (h.skipped() > 0) {
            footer.add("note: " + TextFrame.count(h.skipped(), "NaN/Inf value", "NaN/Inf values") + " skipped");
        }
        double[] e = h.edges();
        return TextFrame.render(
                spec.title(),
                spec.yLabel() != null ? spec.yLabel() : "count",
                NumberText.format(max),
                spec.logY() ? NumberText.format(floor) : "0",
                lines,
                bins * barWidth,
                NumberText.format(e[0]),
                NumberText.format(e[e.length - 1]),
                spec.xLabel(),
                footer);
    }
}
