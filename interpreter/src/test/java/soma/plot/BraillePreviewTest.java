package soma.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BraillePreviewTest {
    private static final char BLANK = '\u2800';

    /** The plot rows of a preview without title/labels: lines that contain an axis bar. */
    private static List<String> plotRows(String preview) {
        return Arrays.stream(preview.split("\n"))
                .filter(l -> l.contains("┤") || l.contains("│"))
                .map(l -> l.substring(Math.max(l.indexOf('┤'), l.indexOf('│')) + 1))
                .toList();
    }

    /** Bits of the braille cell at (row, col) of the plot area. */
    private static int cell(List<String> rows, int r, int c) {
        return rows.get(r).charAt(c) - BLANK;
    }

    @Test
    void goldenTinyDiagonal() {
        // 4 x 2 cells = 8 x 8 dots; y = x lights dots (k, 7 - k), two per cell along the diagonal.
        String expected = String.join("\n", "1 ┤⠀⠀⡠⠊", "0 ┤⡠⠊⠀⠀", "  └────", "   0  1");
        assertEquals(expected, BraillePreview.line(new double[] {0, 1}, List.of(new double[] {0, 1}), null, 4, 2));
    }

    @Test
    void diagonalLightsCornerDots() {
        double[] x = TestData.linspace(0, 1, 101);
        String p = BraillePreview.line(x, x);
        List<String> rows = plotRows(p);
        assertEquals(BraillePreview.DEFAULT_ROWS, rows.size());
        rows.forEach(r -> assertEquals(BraillePreview.DEFAULT_COLS, r.length()));
        int last = BraillePreview.DEFAULT_ROWS - 1;
        int right = BraillePreview.DEFAULT_COLS - 1;
        // (0, 0) is dot 7 (bit 0x40) of the bottom-left cell; (1, 1) is dot 4 (0x08) of the top-right.
        assertTrue((cell(rows, last, 0) & 0x40) != 0, "bottom-left dot lit");
        assertTrue((cell(rows, 0, right) & 0x08) != 0, "top-right dot lit");
        // The other two corners are empty, and every row is crossed by the diagonal.
        assertEquals(0, cell(rows, 0, 0), "top-left blank");
        assertEquals(0, cell(rows, last, right), "bottom-right blank");
        for (String r : rows) {
            assertTrue(r.chars().anyMatch(ch -> ch != BLANK), "each row crossed: " + r);
        }
        assertTrue(p.contains("1 ┤") && p.contains("0 ┤"), "y range labels");
        assertTrue(p.endsWith("0" + " ".repeat(BraillePreview.DEFAULT_COLS - 2) + "1"), "x range line");
    }

    @Test
    void nanIsSkippedCountedAndBreaksTheLine() {
        double[] x = {0, 1, 2, 3};
        double[] y = {0, 1, Double.NaN, Double.POSITIVE_INFINITY};
        String p = BraillePreview.line(x, List.of(y), null, 10, 4);
        assertTrue(p.contains("note: 2 NaN/Inf points skipped"), p);
        // y range comes from the finite points only: 0..1.
        assertTrue(p.startsWith("1 ┤"), p);
    }

    @Test
    void logAxisSkipsNonPositive() {
        String p = BraillePreview.scatter(
                List.of(new double[] {1, 10, 100, -1}),
                List.of(new double[] {1, 2, 3, 4}),
                PlotSpec.defaults().withLogX(true),
                20,
                4);
        assertTrue(p.contains("note: 1 non-positive point skipped on log axis"), p);
        assertTrue(p.contains("1" + " ".repeat(20 - 4) + "100"), "log x range labels in data units: " + p);
    }

    @Test
    void allNaNIsAnError() {
        double[] nan = {Double.NaN, Double.NaN};
        assertThrows(IllegalArgumentException.class, () -> BraillePreview.line(new double[] {0, 1}, nan));
    }

    @Test
    void emptyInputIsAnError() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> BraillePreview.line(new double[0], new double[0]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void multipleSeriesAreListed() {
        double[] x = TestData.linspace(0, 1, 20);
        String p = BraillePreview.line(
                x, List.of(x, TestData.linspace(1, 0, 20)), PlotSpec.defaults().withLabels("up", "down"));
        assertTrue(p.contains("series (overlaid): up, down"), p);
    }

    @Test
    void markerScatterUsesOneGlyphPerSet() {
        String p = BraillePreview.scatterMarkers(
                List.of(new double[] {0}, new double[] {1}, new double[] {0}),
                List.of(new double[] {0}, new double[] {1}, new double[] {0}),
                PlotSpec.defaults().withLabels("a", "b", "c"),
                5,
                3);
        List<String> rows = plotRows(p);
        assertEquals('x', rows.get(0).charAt(4), "set b at top right");
        assertEquals('#', rows.get(2).charAt(0), "sets a and c share the bottom-left cell");
        assertTrue(p.contains("• a   x b   + c   # several"), p);
    }

    @Test
    void titleAndLabelsAppear() {
        String p = BraillePreview.line(
                new double[] {0, 1},
                List.of(new double[] {0, 1}),
                PlotSpec.defaults().withTitle("T").withXLabel("time").withYLabel("rate"),
                10,
                3);
        String[] lines = p.split("\n");
        assertEquals("T", lines[0].strip());
        assertEquals("rate", lines[1]);
        assertEquals("time", lines[lines.length - 1].strip());
    }

    @Test
    void constantDataStillRenders() {
        String p = BraillePreview.line(new double[] {0, 1, 2}, new double[] {5, 5, 5});
        assertTrue(p.contains("5.5 ┤") && p.contains("4.5 ┤"), p);
    }

    @Test
    void limitsClipInsteadOfFailing() {
        double[] x = TestData.linspace(-10, 10, 50);
        String p = BraillePreview.line(
                x, List.of(x), PlotSpec.defaults().withXLim(0.0, 1.0).withYLim(0.0, 1.0), 8, 4);
        assertTrue(p.startsWith("1 ┤"), p);
        assertNotEquals(-1, p.indexOf("0      1"), p);
    }

    @Test
    void badSizeIsRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> BraillePreview.line(new double[] {0, 1}, List.of(new double[] {0, 1}), null, 1, 5));
    }
}
