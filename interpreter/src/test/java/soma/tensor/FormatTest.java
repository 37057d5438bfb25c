package soma.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Golden strings: each expected value is what numpy 1.26/2.x prints for the same array (bools aside). */
class FormatTest {
    @Test
    void alignedColumns() {
        assertEquals(
                "[[ 1.   2.5]\n [-3.   4. ]]",
                Tensor.fromNested(new double[][] {{1, 2.5}, {-3, 4}}).toString());
        assertEquals("[1. 2. 3.]", Tensor.vector(1, 2, 3).toString());
        assertEquals(
                "[  0.33333333   0.66666667 100.        ]",
                Tensor.vector(1.0 / 3, 2.0 / 3, 100).toString());
        assertEquals("[0. 0.]", Tensor.zeros(2).toString());
    }

    @Test
    void scientificWhenRangeIsWide() {
        assertEquals("[1.e-05 1.e+00]", Tensor.vector(1e-5, 1).toString());
        assertEquals("[1.5e-05 1.0e+00]", Tensor.vector(1.5e-5, 1).toString());
        assertEquals("[1.e+10 1.e+00]", Tensor.vector(1e10, 1).toString());
    }

    @Test
    void nonFinite() {
        assertEquals(
                "[ 1. nan inf]",
                Tensor.vector(1, Double.NaN, Double.POSITIVE_INFINITY).toString());
        assertEquals("[  1. -inf]", Tensor.vector(1, Double.NEGATIVE_INFINITY).toString());
    }

    @Test
    void higherRankUsesBlankLinesBetweenBlocks() {
        assertEquals(
                "[[[0. 1.]\n  [2. 3.]]\n\n [[4. 5.]\n  [6. 7.]]]",
                Tensor.arange(8).reshape(2, 2, 2).toString());
    }

    @Test
    void longRowsWrapAt75Characters() {
        assertEquals(
                "[ 0.  1.  2.  3.  4.  5.  6.  7.  8.  9. 10. 11. 12. 13. 14. 15. 16. 17.\n"
                        + " 18. 19. 20. 21. 22. 23. 24. 25. 26. 27. 28. 29.]",
                Tensor.arange(30).toString());
    }

    @Test
    void bigTensorsAreSummarised() {
        // max/min of the shown values exceeds 1e3, so numpy switches to scientific notation
        assertEquals(
                "[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]",
                Tensor.arange(2000).toString());
        assertEquals(
                "[  0.   1.   2. ... 998. 999. 999.]",
                Tensor.arange(1001).minimum(999).toString());
        assertEquals(
                "[[0.000e+00 1.000e+00 2.000e+00 ... 9.970e+02 9.980e+02 9.990e+02]\n"
                        + " [1.000e+03 1.001e+03 1.002e+03 ... 1.997e+03 1.998e+03 1.999e+03]]",
                Tensor.arange(2000).reshape(2, 1000).toString());
        String big = Tensor.zeros(40, 40).toString();
        assertEquals(
                "[[0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]\n ...\n"
                        + " [0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]]",
                big);
        assertFalse(Tensor.zeros(1000).toString().contains("..."), "1000 elements are printed in full");
    }

    @Test
    void complexAndBool() {
        Tensor z = new Tensor(new int[] {2}, new double[] {1, 3}, new double[] {2, -4.5}, false);
        assertEquals("[1.+2.j  3.-4.5j]", z.toString());
        assertEquals("[false  true  true]", Tensor.vector(1, 2, 3).gt(1.5).toString());
        assertEquals("[true true]", Tensor.vector(1, 2).gt(0).toString());
    }

    @Test
    void scalarsPrintLikePython() {
        assertEquals("2.5", Tensor.scalar(2.5).toString());
        assertEquals("2.0", Tensor.scalar(2).toString());
        assertEquals("1e-05", Tensor.scalar(1e-5).toString());
        assertEquals("1e+16", Tensor.scalar(1e16).toString());
        assertEquals("0.1", Tensor.scalar(0.1).toString());
        assertEquals("-0.0", Tensor.scalar(-0.0).toString());
        assertEquals("nan", Tensor.scalar(Double.NaN).toString());
        assertEquals("(1+2j)", Tensor.complexScalar(1, 2).toString());
        assertEquals("(1.5-0.5j)", Tensor.complexScalar(1.5, -0.5).toString());
        assertEquals("2j", Tensor.complexScalar(0, 2).toString());
        assertEquals("true", Tensor.bool(true).toString());
    }

    @Test
    void emptyTensor() {
        assertEquals("[]", Tensor.zeros(0).toString());
        assertEquals("[]", Tensor.zeros(2, 0).toString());
    }
}
