package soma.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlotSpecTest {
    @Test
    void defaults() {
        PlotSpec s = PlotSpec.defaults();
        assertEquals(800, s.width());
        assertEquals(600, s.height());
        assertNull(s.title());
        assertTrue(s.labels().isEmpty());
        assertEquals(List.of("y0", "y1"), s.seriesNames(2));
        assertEquals(List.of("y"), s.seriesNames(1));
    }

    @Test
    void withersReturnModifiedCopies() {
        PlotSpec base = PlotSpec.defaults();
        PlotSpec s = base.withTitle("t").withXLim(0.0, 1.0).withLogY(true).withLabels("a");
        assertEquals("t", s.title());
        assertEquals(0.0, s.xMin());
        assertEquals(1.0, s.xMax());
        assertTrue(s.logY());
        assertEquals(List.of("a"), s.labels());
        assertNull(base.title(), "original untouched");
    }

    @Test
    void invalidOptionsFailEarly() {
        PlotSpec s = PlotSpec.defaults();
        assertThrows(IllegalArgumentException.class, () -> s.withSize(0, 100));
        assertThrows(IllegalArgumentException.class, () -> s.withMarkerSize(0));
        assertThrows(IllegalArgumentException.class, () -> s.withXLim(1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> s.withYLim(Double.NaN, null));
        assertThrows(IllegalArgumentException.class, () -> s.withColorLim(2.0, 1.0));
    }

    @Test
    void limitsAndLogAxesAreApplied() {
        double[] x = TestData.linspace(1, 1000, 50);
        Figure f = Charts.line(
                x, x, PlotSpec.defaults().withLogX(true).withLogY(true).withXLim(1.0, 100.0));
        assertEquals(0, f.skippedPoints());
        f.toImage();
        assertThrows(
                IllegalArgumentException.class,
                () -> Charts.line(x, x, PlotSpec.defaults().withLogX(true).withXLim(0.0, 10.0)));
    }

    @Test
    void duplicateLabelsAreMadeUnique() {
        assertEquals(List.of("a", "a (2)", "b", "a (3)"), Names.unique(List.of("a", "a", "b", "a")));
        double[] x = {0, 1};
        Charts.line(x, List.of(x, x), PlotSpec.defaults().withLabels("trial", "trial"))
                .toImage();
    }
}
