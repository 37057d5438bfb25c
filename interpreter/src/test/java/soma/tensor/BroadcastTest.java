package soma.tensor;

import static org.junit.jupiter.api.Assertions.*;
import static soma.tensor.Assertions2.*;

import org.junit.jupiter.api.Test;

class BroadcastTest {
    private static Tensor col3() {
        return Tensor.vector(0, 10, 20).reshape(3, 1);
    }

    private static Tensor row4() {
        return Tensor.vector(1, 2, 3, 4).reshape(1, 4);
    }

    @Test
    void columnPlusRowGivesOuterSum() {
        Tensor r = col3().add(row4());
        assertValues(r, new int[] {3, 4}, new double[] {1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24}, 0);
        assertFalse(r.isBool());
    }

    @Test
    void lowerRankIsAlignedOnTheRight() {
        Tensor m = Tensor.arange(6).reshape(2, 3);
        Tensor r = m.mul(Tensor.vector(1, 10, 100));
        assertValues(r, new int[] {2, 3}, new double[] {0, 10, 200, 3, 40, 500}, 0);
        Tensor r3 = Tensor.ones(2, 1, 3).sub(Tensor.arange(4).reshape(4, 1));
        assertShape(r3, 2, 4, 3);
        assertEquals(1 - 3, r3.get(2 * 12 - 1), 0);
    }

    @Test
    void scalarsBroadcastBothWays() {
        Tensor v = Tensor.vector(1, 2, 4);
        assertValues(v.div(2), new int[] {3}, new double[] {0.5, 1, 2}, 0);
        assertValues(Tensor.scalar(1).div(v), new int[] {3}, new double[] {1, 0.5, 0.25}, 0);
        assertValues(Tensor.scalar(2).pow(v), new int[] {3}, new double[] {2, 4, 16}, 0);
        Tensor s = Tensor.scalar(3).add(Tensor.scalar(4));
        assertScalar(7, s, 0);
        // a (1,1) tensor is also a single value but keeps its rank in the result
        assertShape(Tensor.full(2, 1, 1).mul(v), 1, 3);
    }

    @Test
    void mismatchMessageNamesBothShapes() {
        Tensor a = Tensor.zeros(3, 2), b = Tensor.zeros(4);
        TensorException e = assertThrows(TensorException.class, () -> a.add(b));
        assertEquals("shape mismatch: cannot broadcast (3, 2) with (4,)", e.getMessage());
        assertThrows(TensorException.class, () -> Tensor.zeros(2, 3).mul(Tensor.zeros(3, 2)));
    }

    @Test
    void comparisonsAreBooleanAndLogicalOpsCombineThem() {
        Tensor v = Tensor.vector(1, 2, 3, Double.NaN);
        Tensor gt = v.gt(1.5);
        assertTrue(gt.isBool());
        assertArrayEquals(new double[] {0, 1, 1, 0}, gt.realData());
        assertArrayEquals(new double[] {1, 1, 0, 0}, v.le(2).realData());
        assertArrayEquals(new double[] {0, 1, 0, 0}, v.eq(2).realData());
        assertArrayEquals(new double[] {1, 0, 1, 1}, v.ne(2).realData(), "NaN != x is true");
        Tensor both = gt.and(v.lt(3));
        assertTrue(both.isBool());
        assertArrayEquals(new double[] {0, 1, 0, 0}, both.realData());
        assertArrayEquals(new double[] {1, 1, 1, 0}, v.lt(1.5).or(gt).realData());
        assertArrayEquals(new double[] {1, 0, 0, 1}, gt.not().realData());
        assertFalse(gt.add(gt).isBool(), "arithmetic on bools gives numbers");
    }

    @Test
    void modFollowsThePythonSignRule() {
        Tensor r = Tensor.vector(7, -7, 7, -7).mod(Tensor.vector(3, 3, -3, -3));
        assertArrayEquals(new double[] {1, 2, -2, -1}, r.realData(), 0);
        assertArrayEquals(new double[] {0.5}, Tensor.vector(-1.5).mod(2).realData(), 0);
    }

    @Test
    void elementwiseMinMaxPropagateNaN() {
        Tensor a = Tensor.vector(1, 5, Double.NaN), b = Tensor.vector(3, 2, 0);
        assertArrayEquals(new double[] {1, 2, Double.NaN}, a.minimum(b).realData(), 0);
        assertArrayEquals(new double[] {3, 5, Double.NaN}, a.maximum(b).realData(), 0);
    }

    @Test
    void divisionByZeroFollowsIeee() {
        Tensor r = Tensor.vector(1, -1, 0).div(0);
        assertEquals(Double.POSITIVE_INFINITY, r.get(0));
        assertEquals(Double.NEGATIVE_INFINITY, r.get(1));
        assertTrue(Double.isNaN(r.get(2)));
    }

    @Test
    void complexArithmetic() {
        Tensor z = new Tensor(new int[] {2}, new double[] {1, 0}, new double[] {2, 1}, false); // [1+2i, i]
        Tensor w = Tensor.complexScalar(3, -1);
        assertClose(new Tensor(new int[] {2}, new double[] {5, 1}, new double[] {5, 3}, false), z.mul(w), 1e-15);
        // (1+2i)/(3-i) = (1+2i)(3+i)/10 = (1+7i)/10
        assertClose(
                new Tensor(new int[] {2}, new double[] {0.1, -0.1}, new double[] {0.7, 0.3}, false), z.div(w), 1e-15);
        assertClose(new Tensor(new int[] {2}, new double[] {4, 3}, new double[] {1, 0}, false), z.add(w), 0);
        assertClose(new Tensor(new int[] {2}, new double[] {-1, -0.0}, new double[] {-2, -1}, false), z.neg(), 0);
        // real op complex promotes
        Tensor r = Tensor.vector(2, 4).sub(z);
        assertTrue(r.isComplex());
        assertClose(new Tensor(new int[] {2}, new double[] {1, 4}, new double[] {-2, -1}, false), r, 0);
    }

    @Test
    void complexPowers() {
        Tensor z = Tensor.complexScalar(1, 2);
        Tensor sq = z.pow(2);
        assertEquals(-3, sq.get(0), 0);
        assertEquals(4, sq.getImag(0), 0);
        Tensor inv = z.pow(-1); // (1-2i)/5
        assertEquals(0.2, inv.get(0), 1e-15);
        assertEquals(-0.4, inv.getImag(0), 1e-15);
        Tensor half = Tensor.complexScalar(-4, 0).pow(0.5); // principal root 2i
        assertEquals(0, half.get(0), 1e-15);
        assertEquals(2, half.getImag(0), 1e-15);
        assertTrue(
                Double.isNaN(Tensor.scalar(-4).pow(0.5).scalarValue()),
                "real negative base stays real (nan), as numpy");
    }

    @Test
    void orderingOfComplexIsRejected() {
        Tensor z = Tensor.complexScalar(1, 1);
        TensorException e = assertThrows(TensorException.class, () -> z.lt(Tensor.scalar(0)));
        assertEquals("operator < is not defined for complex tensors", e.getMessage());
        assertTrue(z.eq(Tensor.complexScalar(1, 1)).isBool());
        assertEquals(1, z.eq(Tensor.complexScalar(1, 1)).scalarValue());
        assertEquals(0, z.eq(Tensor.scalar(1)).scalarValue());
    }
}
