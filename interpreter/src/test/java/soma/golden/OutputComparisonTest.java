package soma.golden;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class OutputComparisonTest {
    @Test
    void numbersWithinToleranceMatch() {
        assertNull(OutputComparison.difference("radius 1.0999999 ok", "radius 1.1000001 ok", 1e-6));
        assertNull(OutputComparison.difference("x = 1e-05", "x = 1.0000001e-05", 1e-6));
    }

    @Test
    void realDifferencesAreCaught() {
        assertNotNull(OutputComparison.difference("radius 1.1", "radius 1.2", 1e-6));
        assertNotNull(OutputComparison.difference("stable", "unstable", 1e-6));
        assertNotNull(OutputComparison.difference("a\nb", "a", 1e-6));
        assertNotNull(OutputComparison.difference("g1 = 2", "g2 = 2", 1e-6));
    }
}
