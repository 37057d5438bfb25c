package soma.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignatureTest {
    private final Signature f =
            new Signature("f", new String[] {"a", "b", "c"}, new boolean[] {false, true, true}, false, false);

    @Test
    void positionalNamedAndDefaults() {
        assertArrayEquals(
                new Object[] {null, 1.0, Missing.INSTANCE, 3.0},
                f.bind(null, new Object[] {1.0, 3.0}, new String[] {null, "c"}));
        assertArrayEquals(
                new Object[] {null, 2.0, 1.0, Missing.INSTANCE},
                f.bind(null, new Object[] {1.0, 2.0}, new String[] {"b", "a"}));
        assertArrayEquals(
                new Object[] {null, 1.0, Missing.INSTANCE, Missing.INSTANCE},
                f.bindPositional(null, new Object[] {1.0}));
    }

    @Test
    void badCallsSayWhatIsWrong() {
        assertEquals(
                "missing argument 'a' in call to f",
                assertThrows(SomaError.class, () -> f.bind(null, new Object[] {1.0}, new String[] {"b"}))
                        .getMessage());
        assertEquals(
                "f has no parameter 'd' (parameters: a, b, c)",
                assertThrows(SomaError.class, () -> f.bind(null, new Object[] {1.0}, new String[] {"d"}))
                        .getMessage());
        assertEquals(
                "f got the argument 'a' twice",
                assertThrows(SomaError.class, () -> f.bind(null, new Object[] {1.0, 2.0}, new String[] {null, "a"}))
                        .getMessage());
    }

    @Test
    void varargsCollectTheRestAndLaterParametersAreNamedOnly() {
        Signature print = new Signature("print", new String[] {"values", "sep"}, new boolean[] {false, true}, 0, false);
        Object[] bound = print.bind(null, new Object[] {1.0, 2.0, ","}, new String[] {null, null, "sep"});
        assertEquals(2, ((SomaList) bound[1]).size());
        assertEquals(",", bound[2]);
    }

    @Test
    void positionalVarargsCallsBindInCompiledCodeExactlyAsTheGeneralBind() {
        Signature max =
                new Signature("max", new String[] {"x", "xs", "axis"}, new boolean[] {false, false, true}, 1, false);
        assertTrue(max.isSimple(1) && max.isSimple(3) && !max.isSimple(0));
        Object[] values = {1.0, 2.0, 3.0};
        Object[] fast = max.bindPositional(null, values);
        Object[] general = max.bind(null, values, null);
        assertEquals(general[1], fast[1]);
        assertEquals(((SomaList) general[2]).items, ((SomaList) fast[2]).items);
        assertEquals(Missing.INSTANCE, fast[3]);
        ((SomaList) fast[2]).add(4.0); // a user's varargs list is an ordinary, growable list
        Signature withRequired = new Signature("g", new String[] {"xs", "k"}, new boolean[] {false, false}, 0, false);
        assertEquals(
                "missing argument 'k' in call to g",
                assertThrows(SomaError.class, () -> withRequired.bindPositional(null, values))
                        .getMessage());
    }
}
