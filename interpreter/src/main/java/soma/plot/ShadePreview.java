package soma.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Text heat map with the shades " ░▒▓█" (five levels, low to high). Large matrices are averaged
 * down to the requested size; small ones get two characters per cell, since terminal cells are
 * about twice as tall as wide.
 */
final class ShadePreview {
    private ShadePreview() {}

    static final String SHADES = " ░▒▓█";
    static final char MISSING = '·';
    static final char REGION = '#';

    static String render(
            double[][] z, double[] xTicks, double[] yTicks, boolean[][] mask, PlotSpec spec, int cols, int rows) {
        int[] shape = Data.shape(z, "heat map z");
        int zr = shape[0];
        int zc = shape[1];
        double[] xt = xTicks == null ? CellEdges.indices(zc) : xTicks;
        double[] yt = yTicks == null ? CellEdges.indices(zr) : yTicks;
        CellEdges.check(xt, zc, "x", false);
        CellEdges.check(yt, zr, "y", false);
        HeatmapChart.checkMask(mask, zr, zc);
        double[] range = HeatmapChart.colourRange(z, spec);

        int cellWidth = 2 * zc <= cols ? 2 : 1;
        int outC = Math.min(zc, cols);
        int outR = Math.min(zr, rows);
        int nonFinite = 0;
        for (double[] row : z) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    nonFinite++;
                }
            }
        }

        List<String> lines = new ArrayList<>();
        for (int r = 0; r < outR; r++) {
            int band = outR - 1 - r; // output row 0 is the top, i.e. the highest y
            int i0 = band * zr / outR;
            int i1 = (band + 1) * zr / outR;
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < outC; c++) {
                int j0 = c * zc / outC;
                int j1 = (c + 1) * zc / outC;
                char ch = glyph(z, mask, i0, i1, j0, j1, range);
                b.append(String.valueOf(ch).repeat(cellWidth));
            }
            lines.add(b.toString());
        }

        List<String> footer = new ArrayList<>();
        footer.add(levels(range));
        if (mask != null) {
            String label = spec.regionLabel() != null ? spec.regionLabel() : "region";
            footer.add(REGION + " " + label);
        }
        if (outR < zr || outC < zc) {
            footer.add("note: " + zr + "x" + zc + " values averaged down to " + outR + "x" + outC);
        }
        if (nonFinite > 0) {
            footer.add("note: " + TextFrame.count(nonFinite, "NaN/Inf cell", "NaN/Inf cells") + ", shown as " + MISSING
                    + " where no finite value remains");
        }
        return TextFrame.render(
                spec.title(),
                spec.yLabel(),
                NumberText.format(yt[zr - 1]),
                NumberText.format(yt[0]),
                lines,
                outC * cellWidth,
                NumberText.format(xt[0]),
                NumberText.format(xt[zc - 1]),
                spec.xLabel(),
                footer);
    }

    /** Glyph for the block of z rows [i0, i1) and columns [j0, j1): region, missing, or a shade. */
    private static char glyph(double[][] z, boolean[][] mask, int i0, int i1, int j0, int j1, double[] range) {
        double sum = 0;
        int n = 0;
        boolean inRegion = false;
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                if (Double.isFinite(z[i][j])) {
                    sum += z[i][j];
                    n++;
                }
                // "any" rather than "most": a thin region must not vanish when the map is shrunk.
                inRegion |= mask != null && mask[i][j];
            }
        }
        if (inRegion) {
            return REGION;
        }
        if (n == 0) {
            return MISSING;
        }
        return SHADES.charAt(level(sum / n, range));
    }

    static int level(double v, double[] range) {
        double t = (v - range[0]) / (range[1] - range[0]);
        int k = (int) Math.floor(t * SHADES.length());
        return Math.max(0, Math.min(SHADES.length() - 1, k));
    }

    /** Legend line giving the lower bound of each shade. */
    private static String levels(double[] range) {
        StringBuilder b = new StringBuilder("levels:");
        int n = SHADES.length();
        for (int k = 0; k < n; k++) {
            double from = range[0] + (range[1] - range[0]) * k / n;
            char s = SHADES.charAt(k);
            b.append("  ")
                    .append(s == ' ' ? "' '" : String.valueOf(s))
                    .append(" ≥")
                    .append(NumberText.format(from));
        }
        b.append("  (max ").append(NumberText.format(range[1])).append(")");
        return b.toString();
    }
}
