package soma.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Histogram (block bars) and heat map (shades) text previews. */
class TextPreviewTest {
    private static List<String> plotRows(String preview) {
        return Arrays.stream(preview.split("\n"))
                .filter(l -> l.contains("┤") || l.contains("│"))
                .map(l -> l.substring(Math.max(l.indexOf('┤'), l.indexOf('│')) + 1))
                .toList();
    }

    /** Bar height in eighths of a row for each column of a block-character plot. */
    private static int[] heights(List<String> rows) {
        int[] h = new int[rows.get(0).length()];
        for (String r : rows) {
            for (int c = 0; c < h.length; c++) {
                int k = BarPreview.BLOCKS.indexOf(r.charAt(c));
                h[c] += k + 1; // ' ' gives indexOf -1 -> 0
            }
        }
        return h;
    }

    /** k + 1 copies of k + 0.5 for k in 0..bins-1: counts 1, 2, ..., bins on [0, bins]. */
    private static double[] rising(int bins) {
        List<Double> d = new ArrayList<>();
        for (int k = 0; k < bins; k++) {
            for (int c = 0; c <= k; c++) {
                d.add(k + 0.5);
            }
        }
        d.add(0.0); // pins the range to start at 0 (lands in bin 0)
        d.add((double) bins); // and to end at bins (last bin is closed)
        return d.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void histogramBarsAreMonotoneForMonotoneCounts() {
        int bins = 12;
        String p = BraillePreview.histogram(rising(bins), bins, null, 12, 6);
        List<String> rows = plotRows(p);
        assertEquals(6, rows.size());
        int[] h = heights(rows);
        assertEquals(bins, h.length);
        for (int c = 1; c < h.length; c++) {
            assertTrue(h[c] >= h[c - 1], "bar " + c + " not lower than bar " + (c - 1) + ": " + Arrays.toString(h));
        }
        assertTrue(h[bins - 1] > h[0], "strictly higher overall");
        assertEquals(6 * 8, h[bins - 1], "tallest bar fills the plot");
        assertTrue(p.startsWith("count\n"), "default y label");
        assertTrue(p.contains("0 ┤"), "zero baseline label");
    }

    @Test
    void fewBinsAreWidened() {
        String p = BraillePreview.histogram(new double[] {0, 1, 1}, 2, null, 20, 4);
        List<String> rows = plotRows(p);
        assertEquals(20, rows.get(0).length(), "2 bins x 10 characters");
        assertEquals("█".repeat(10), rows.get(0).substring(10), "full top row for the tallest bin");
    }

    @Test
    void histogramNoteCountsNaN() {
        String p = BraillePreview.histogram(new double[] {1, 2, Double.NaN, Double.NEGATIVE_INFINITY, 3}, 3, null);
        assertTrue(p.contains("note: 2 NaN/Inf values skipped"), p);
    }

    @Test
    void histogramOfNothingFiniteIsAnError() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> BraillePreview.histogram(new double[] {Double.NaN}, 5, null));
        assertTrue(e.getMessage().contains("no finite"), e.getMessage());
    }

    @Test
    void heatmapShadesIncreaseWithValueAndRowZeroIsAtTheBottom() {
        double[][] z = {{0, 1, 2, 3, 4}, {0, 1, 2, 3, 4}};
        String p = BraillePreview.heatmap(z, null, null, null, null, 10, 5);
        List<String> rows = plotRows(p);
        assertEquals(2, rows.size());
        assertEquals("  ░░▒▒▓▓██", rows.get(0), "two characters per cell, five levels");
        z[0][0] = 4; // row 0 is drawn last (bottom)
        List<String> rows2 = plotRows(BraillePreview.heatmap(z, null, null, null, null, 10, 5));
        assertEquals("██░░▒▒▓▓██", rows2.get(1));
    }

    @Test
    void heatmapRegionAndNaN() {
        double[][] z = {{0, Double.NaN}, {1, 2}};
        boolean[][] m = {{false, false}, {true, false}};
        String p = BraillePreview.heatmap(
                z,
                new double[] {0.1, 0.2},
                new double[] {1, 2},
                m,
                PlotSpec.defaults().withRegionLabel("target"),
                4,
                4);
        List<String> rows = plotRows(p);
        assertEquals("##██", rows.get(0));
        assertEquals("  ··", rows.get(1));
        assertTrue(p.contains("# target"), p);
        assertTrue(p.contains("note: 1 NaN/Inf cell"), p);
        assertTrue(p.contains("2 ┤") && p.contains("1 ┤"), "y tick labels: " + p);
        assertTrue(p.contains("0.1 .. 0.2"), "x tick range too wide for 4 columns: " + p);
    }

    @Test
    void largeHeatmapIsAveragedDown() {
        double[][] z = new double[100][200];
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < 200; j++) {
                z[i][j] = j;
            }
        }
        String p = BraillePreview.heatmap(z, null, null, null, null);
        List<String> rows = plotRows(p);
        assertEquals(BraillePreview.DEFAULT_ROWS, rows.size());
        assertEquals(BraillePreview.DEFAULT_COLS, rows.get(0).length());
        assertTrue(p.contains("averaged down to 15x60"), p);
    }

    @Test
    void raggedHeatmapIsAnError() {
        double[][] z = {{1, 2}, {3}};
        assertThrows(IllegalArgumentException.class, () -> BraillePreview.heatmap(z, null, null, null, null));
    }
}
