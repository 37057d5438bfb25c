package soma.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a text plot: optional title and y label, plot rows with min/max labels on the left,
 * an axis line, the x range below, then legend and notes. Shared by all text previews so they
 * look alike. Lines are joined with '\n' and there is no trailing newline.
 *
 * <pre>
 *   1 ┤⠀⠀⡠⠊
 *   0 ┤⡠⠊⠀⠀
 *     └────
 *      0  1
 * </pre>
 */
final class TextFrame {
    private TextFrame() {}

    static String render(
            String title,
            String yLabel,
            String yTop,
            String yBottom,
            List<String> rows,
            int plotWidth,
            String xLo,
            String xHi,
            String xLabel,
            List<String> footer) {
        int gutter = Math.max(yTop.length(), yBottom.length());
        int left = gutter + 2; // label, one space, axis character
        List<String> out = new ArrayList<>();
        if (present(title)) {
            out.add(" ".repeat(left + Math.max(0, (plotWidth - title.length()) / 2)) + title);
        }
        if (present(yLabel)) {
            out.add(yLabel);
        }
        for (int r = 0; r < rows.size(); r++) {
            String label = r == 0 ? yTop : r == rows.size() - 1 ? yBottom : "";
            boolean tick = r == 0 || r == rows.size() - 1;
            out.add(padLeft(label, gutter) + (tick ? " ┤" : " │") + rows.get(r));
        }
        out.add(" ".repeat(gutter + 1) + "└" + "─".repeat(plotWidth));
        out.add(" ".repeat(left) + xRange(xLo, xHi, plotWidth));
        if (present(xLabel)) {
            out.add(" ".repeat(left + Math.max(0, (plotWidth - xLabel.length()) / 2)) + xLabel);
        }
        out.addAll(footer);
        return String.join("\n", out);
    }

    /** Low label under the first column, high label ending under the last one, if both fit. */
    static String xRange(String lo, String hi, int width) {
        int gap = width - lo.length() - hi.length();
        if (gap >= 1) {
            return lo + " ".repeat(gap) + hi;
        }
        return lo + " .. " + hi;
    }

    static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    static boolean present(String s) {
        return s != null && !s.isEmpty();
    }

    /** "1 non-finite point skipped" / "3 non-finite points skipped" style notes. */
    static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
