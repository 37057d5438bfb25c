package soma.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Number labels, ticks, bins and cell edges: the arithmetic under the pictures. */
class HelpersTest {
    @Test
    void numberText() {
        assertEquals("0", NumberText.format(0.0));
        assertEquals("0", NumberText.format(-0.0));
        assertEquals("1", NumberText.format(1.0));
        assertEquals("0.525", NumberText.format(0.525));
        assertEquals("123.5", NumberText.format(123.456));
        assertEquals("-2.5", NumberText.format(-2.5));
        assertEquals("1.23e+05", NumberText.format(123456));
        assertEquals("1e-04", NumberText.format(1e-4));
        assertEquals("-3.14e-07", NumberText.format(-3.14159e-7));
        assertEquals("2e+09", NumberText.format(2e9));
        assertEquals("0.3", NumberText.format(0.1 + 0.2));
    }

    private static void assertTicks(double[] expected, List<Double> actual) {
        assertArrayEquals(
                expected, actual.stream().mapToDouble(Double::doubleValue).toArray(), 1e-12);
    }

    @Test
    void niceTicks() {
        assertTicks(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, NiceTicks.of(0, 1, 6));
        // range 0.408 over at most 5 ticks needs a step >= 0.102, so the 1-2-5 rule picks 0.2
        assertTicks(new double[] {0.4, 0.6}, NiceTicks.of(0.31, 0.718, 5));
        assertTicks(new double[] {-10, -5, 0, 5}, NiceTicks.of(-12, 7, 5));
    }

    @Test
    void binningFollowsNumpyConventions() {
        Binning b = Binning.of(new double[] {0, 0.5, 1, 1, 2}, 2, null, null);
        assertArrayEquals(new double[] {0, 1, 2}, b.edges());
        assertArrayEquals(new double[] {2, 3}, b.counts(), "last bin closed, others half-open");
        Binning c = Binning.of(new double[] {5, 5}, 1, null, null);
        assertArrayEquals(new double[] {4.5, 5.5}, c.edges(), "degenerate range widened");
        Binning d = Binning.of(new double[] {-1, 0.5, 3}, 1, 0.0, 1.0);
        assertArrayEquals(new double[] {1}, d.counts(), "values outside explicit limits ignored");
    }

    @Test
    void cellEdges() {
        assertArrayEquals(new double[] {-0.5, 0.5, 1.5, 2.5}, CellEdges.of(new double[] {0, 1, 2}, false), 1e-12);
        assertArrayEquals(new double[] {0.5, 1.5}, CellEdges.of(new double[] {1}, false), 1e-12);
        double[] log = CellEdges.of(new double[] {1, 10, 100}, true);
        assertEquals(Math.sqrt(10), log[1], 1e-9);
        assertEquals(Math.sqrt(10) * 10, log[2], 1e-9);
    }

    @Test
    void dataRangeIgnoresUnusable() {
        assertArrayEquals(
                new double[] {-1, 3}, Data.range(new double[] {Double.NaN, -1, 3, Double.NEGATIVE_INFINITY}, false));
        assertArrayEquals(new double[] {3, 3}, Data.range(new double[] {-1, 3}, true));
        assertNull(Data.range(new double[] {Double.NaN}, false));
    }

    @Test
    void brailleClipping() {
        assertNull(BrailleCanvas.clip(-5, -5, -1, -1, 0, 0, 10, 10));
        assertArrayEquals(new double[] {0, 0, 10, 10}, BrailleCanvas.clip(-5, -5, 15, 15, 0, 0, 10, 10), 1e-12);
        BrailleCanvas c = new BrailleCanvas(1, 1);
        c.line(-1e6, 0, 1e6, 0);
        assertEquals("\u2809", c.rows()[0], "top row of both columns: dots 1 and 4");
        BrailleCanvas huge = new BrailleCanvas(1, 1);
        huge.line(-1e300, 0, 1e300, 0); // clipped first: must not hang or overflow
        assertNotEquals("\u2800", huge.rows()[0]);
    }
}
