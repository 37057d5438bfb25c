package soma.tensor;

import static org.junit.jupiter.api.Assertions.*;
import static soma.tensor.Assertions2.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTest {
    @Test
    void factories() {
        assertValues(Tensor.zeros(2, 2), new int[] {2, 2}, new double[4], 0);
        assertValues(Tensor.full(7, 3), new int[] {3}, new double[] {7, 7, 7}, 0);
        assertValues(Tensor.eye(2, 3), new int[] {2, 3}, new double[] {1, 0, 0, 0, 1, 0}, 0);
        assertScalar(2.5, Tensor.scalar(2.5), 0);
        assertEquals(1, Tensor.ones().size(), "rank-0 ones is one element");
    }

    @Test
    void linspaceHitsBothEnds() {
        Tensor t = Tensor.linspace(0, 1, 11);
        assertEquals(11, t.size());
        assertEquals(0.3, t.get(3), 1e-16);
        assertEquals(1.0, t.get(10), 0);
        assertValues(Tensor.linspace(5, 5, 1), new int[] {1}, new double[] {5}, 0);
        assertEquals(0, Tensor.linspace(0, 1, 0).size());
    }

    @Test
    void arangeLengthsFollowNumpy() {
        assertValues(Tensor.arange(5), new int[] {5}, new double[] {0, 1, 2, 3, 4}, 0);
        assertValues(Tensor.arange(1, 2, 0.25), new int[] {4}, new double[] {1, 1.25, 1.5, 1.75}, 0);
        assertValues(Tensor.arange(5, 0, -2), new int[] {3}, new double[] {5, 3, 1}, 0);
        assertEquals(0, Tensor.arange(3, 1, 1).size());
        assertThrows(TensorException.class, () -> Tensor.arange(0, 1, 0));
    }

    @Test
    void diagBothWays() {
        Tensor m = Tensor.diag(Tensor.vector(1, 2, 3));
        assertValues(m, new int[] {3, 3}, new double[] {1, 0, 0, 0, 2, 0, 0, 0, 3}, 0);
        assertValues(Tensor.diag(Tensor.arange(6).reshape(2, 3)), new int[] {2}, new double[] {0, 4}, 0);
        assertThrows(TensorException.class, () -> Tensor.diag(Tensor.zeros(2, 2, 2)));
    }

    @Test
    void fromNestedArraysAndLists() {
        Tensor t = Tensor.fromNested(new double[][][] {{{1, 2}}, {{3, 4}}});
        assertValues(t, new int[] {2, 1, 2}, new double[] {1, 2, 3, 4}, 0);
        Tensor l = Tensor.fromNested(List.of(List.of(1, 2.5), List.of(3L, -4)));
        assertValues(l, new int[] {2, 2}, new double[] {1, 2.5, 3, -4}, 0);
        assertScalar(3, Tensor.fromNested(3.0), 0);
        TensorException e =
                assertThrows(TensorException.class, () -> Tensor.fromNested(List.of(List.of(1, 2), List.of(3))));
        assertTrue(e.getMessage().startsWith("ragged nested list"), e.getMessage());
    }

    @Test
    void reshapeInfersOneDimension() {
        Tensor t = Tensor.arange(12);
        assertShape(t.reshape(3, -1), 3, 4);
        assertShape(t.reshape(-1, 2, 3), 2, 2, 3);
        assertEquals(11, t.reshape(2, 6).get(11), 0);
        TensorException e = assertThrows(TensorException.class, () -> t.reshape(5, -1));
        assertEquals("cannot reshape tensor of size 12 into shape (5, -1)", e.getMessage());
        assertThrows(TensorException.class, () -> t.reshape(-1, -1));
        assertShape(Tensor.scalar(1).reshape(1, 1), 1, 1);
    }

    @Test
    void transposeMatrixAndGeneral() {
        Tensor m = Tensor.arange(6).reshape(2, 3);
        assertValues(m.transpose(), new int[] {3, 2}, new double[] {0, 3, 1, 4, 2, 5}, 0);
        Tensor t = Tensor.arange(24).reshape(2, 3, 4);
        Tensor r = t.transpose(); // axes reversed: r[k][j][i] = t[i][j][k]
        assertShape(r, 4, 3, 2);
        assertEquals(
                t.get(Index.at(1), Index.at(2), Index.at(3)).scalarValue(),
                r.get(Index.at(3), Index.at(2), Index.at(1)).scalarValue(),
                0);
        Tensor p = t.transpose(1, 0, 2);
        assertShape(p, 3, 2, 4);
        assertEquals(
                1 * 12 + 2 * 4 + 3, p.get(Index.at(2), Index.at(1), Index.at(3)).scalarValue(), 0);
        assertShape(Tensor.vector(1, 2).transpose(), 2);
        assertThrows(TensorException.class, () -> t.transpose(0, 0, 1));
    }

    @Test
    void stackAndConcat() {
        Tensor a = Tensor.vector(1, 2), b = Tensor.vector(3, 4);
        assertValues(Tensor.stack(List.of(a, b), 0), new int[] {2, 2}, new double[] {1, 2, 3, 4}, 0);
        assertValues(Tensor.stack(List.of(a, b), 1), new int[] {2, 2}, new double[] {1, 3, 2, 4}, 0);
        assertValues(Tensor.stack(List.of(a, b), -1), new int[] {2, 2}, new double[] {1, 3, 2, 4}, 0);
        Tensor m = Tensor.arange(4).reshape(2, 2);
        assertValues(
                Tensor.concat(List.of(m, Tensor.full(9, 1, 2)), 0),
                new int[] {3, 2},
                new double[] {0, 1, 2, 3, 9, 9},
                0);
        assertValues(
                Tensor.concat(List.of(m, Tensor.full(9, 2, 1)), 1),
                new int[] {2, 3},
                new double[] {0, 1, 9, 2, 3, 9},
                0);
        assertThrows(TensorException.class, () -> Tensor.concat(List.of(m, Tensor.zeros(3, 3)), 0));
        assertThrows(TensorException.class, () -> Tensor.stack(List.of(a, Tensor.zeros(3)), 0));
        Tensor z = Tensor.concat(List.of(a, Tensor.complexScalar(0, 1).reshape(1)), 0);
        assertTrue(z.isComplex());
        assertEquals(1, z.getImag(2), 0);
    }

    @Test
    void accessorsAndSummary() {
        Tensor t = Tensor.zeros(3, 2);
        assertEquals("(3, 2)", t.shapeString());
        assertEquals("(4,)", Tensor.zeros(4).shapeString());
        assertEquals("tensor(3, 2) float", t.summary());
        assertEquals("tensor() complex", Tensor.complexScalar(1, 1).summary());
        assertEquals("tensor(1,) bool", Tensor.vector(1).gt(0).summary());
        assertEquals(2, t.rank());
        assertEquals(6, t.size());
        TensorException e = assertThrows(TensorException.class, t::scalarValue);
        assertEquals("expected a single value, got a tensor of shape (3, 2)", e.getMessage());
        assertThrows(TensorException.class, () -> t.get(6));
    }
}
