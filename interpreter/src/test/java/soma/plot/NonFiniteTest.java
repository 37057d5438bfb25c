package soma.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** NaN/Inf points are skipped and counted; empty or missing input fails clearly. */
class NonFiniteTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void lineSkipsAndCounts() {
        double[] x = {0, 1, NAN, 3};
        double[] a = {0, INF, 2, 3};
        double[] b = {1, 1, 1, NAN};
        Figure f = Charts.line(x, List.of(a, b), null);
        // x NaN removes index 2 from both series (2), plus a[1] and b[3].
        assertEquals(4, f.skippedPoints());
        assertTrue(TestData.colours(f.toImage()).size() > 2, "still renders");
    }

    @Test
    void lineOnLogAxisSkipsNonPositive() {
        Figure f = Charts.line(
                new double[] {1, 2, 3},
                new double[] {1, 0, -5},
                PlotSpec.defaults().withLogY(true));
        assertEquals(2, f.skippedPoints());
        f.toImage();
    }

    @Test
    void scatterSkipsAndKeepsAFullyDivergedSet() {
        Figure f = Charts.scatter(
                List.of(new double[] {0, 1, 2}, new double[] {NAN, INF}),
                List.of(new double[] {0, NAN, 2}, new double[] {1, 2}),
                PlotSpec.defaults().withLabels("ok", "diverged"));
        assertEquals(3, f.skippedPoints());
        f.toImage();
        f.toSvg();
    }

    @Test
    void histogramAndHist2dAndHeatmapCount() {
        assertEquals(1, Charts.histogram(new double[] {1, NAN, 2, 3}, 3, null).skippedPoints());
        assertEquals(
                2,
                Charts.hist2d(new double[] {1, NAN, 2, 3}, new double[] {1, 2, INF, 3}, 4, null)
                        .skippedPoints());
        Figure h = Charts.heatmap(new double[][] {{1, NAN}, {INF, 2}}, null, null, null);
        assertEquals(2, h.skippedPoints());
        h.toImage();
    }

    @Test
    void pairplotDropsIncompleteRows() {
        double[][] s = {{0, 1}, {1, NAN}, {2, 0}, {3, 3}};
        assertEquals(1, Charts.pairplot(s, null, null).skippedPoints());
    }

    @Test
    void nothingFiniteIsAnError() {
        double[] nan = {NAN, INF};
        assertThrows(IllegalArgumentException.class, () -> Charts.line(new double[] {0, 1}, nan, null));
        assertThrows(IllegalArgumentException.class, () -> Charts.scatter(List.of(nan), List.of(nan), null));
        assertThrows(IllegalArgumentException.class, () -> Charts.histogram(nan, 10, null));
        assertThrows(IllegalArgumentException.class, () -> Charts.hist2d(nan, nan, 10, null));
        assertThrows(IllegalArgumentException.class, () -> Charts.heatmap(new double[][] {nan}, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> Charts.pairplot(new double[][] {nan}, null, null));
    }

    @Test
    void emptyAndMissingInputAreClearErrors() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Charts.line(new double[0], new double[0], null));
        assertEquals("x is empty: nothing to plot", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Charts.line(new double[] {1}, List.of(), null));
        assertEquals("y series list is empty: nothing to plot", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Charts.histogram(null, 10, null));
        assertEquals("histogram data is missing (null)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Charts.heatmap(new double[0][], null, null, null));
        assertEquals("heat map z is empty: nothing to plot", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Charts.pairplot(new double[0][], null, null));
        assertEquals("pair plot samples is empty: nothing to plot", e.getMessage());
    }

    @Test
    void shapeMistakesAreClearErrors() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Charts.line(new double[] {1, 2}, new double[] {1, 2, 3}, null));
        assertTrue(e.getMessage().contains("x has 2 values but y has 3"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Charts.line(
                        new double[] {1, 2},
                        List.of(new double[] {1, 2}),
                        PlotSpec.defaults().withLabels("a", "b")));
        assertThrows(
                IllegalArgumentException.class,
                () -> Charts.heatmap(new double[][] {{1, 2}}, new double[] {0, 0}, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> Charts.heatmap(new double[][] {{1, 2}}, null, null, new boolean[][] {{true}}, null));
        assertThrows(IllegalArgumentException.class, () -> Charts.histogram(new double[] {1}, 0, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> Charts.pairplot(new double[][] {{1, 2}}, new String[] {"only one"}, null));
    }

    @Test
    void unsupportedCombinationsAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Charts.histogram(
                        new double[] {1, 2}, 2, PlotSpec.defaults().withLogX(true)));
        assertThrows(
                IllegalArgumentException.class,
                () -> Charts.hist2d(
                        new double[] {1},
                        new double[] {1},
                        2,
                        PlotSpec.defaults().withLogY(true)));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Charts.pairplot(
                        new double[12][12], null, PlotSpec.defaults().withSize(300, 300)));
        assertTrue(e.getMessage().contains("increase width/height"), e.getMessage());
    }
}
