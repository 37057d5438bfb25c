package soma.tensor;

import static org.junit.jupiter.api.Assertions.*;
import static soma.tensor.Assertions2.*;
import static soma.tensor.Index.*;

import org.junit.jupiter.api.Test;

class IndexingTest {
    /** [[0 1 2 3] [4 5 6 7] [8 9 10 11]] */
    private static Tensor m() {
        return Tensor.arange(12).reshape(3, 4);
    }

    @Test
    void integersIncludingNegative() {
        assertScalar(6, m().get(at(1), at(2)), 0);
        assertScalar(11, m().get(at(-1), at(-1)), 0);
        assertValues(m().get(at(-2)), new int[] {4}, new double[] {4, 5, 6, 7}, 0);
        assertValues(m().get(all(), at(0)), new int[] {3}, new double[] {0, 4, 8}, 0);
    }

    @Test
    void outOfRangeMessage() {
        Tensor v = Tensor.arange(5);
        TensorException e = assertThrows(TensorException.class, () -> v.get(at(7)));
        assertEquals("index 7 out of range for axis 0 with size 5", e.getMessage());
        e = assertThrows(TensorException.class, () -> m().get(all(), at(-5)));
        assertEquals("index -5 out of range for axis 1 with size 4", e.getMessage());
        e = assertThrows(TensorException.class, () -> v.get(take(0, 5)));
        assertEquals("index 5 out of range for axis 0 with size 5", e.getMessage());
        assertThrows(TensorException.class, () -> v.get(at(0), at(0)));
    }

    @Test
    void slicesFollowPython() {
        Tensor v = Tensor.arange(10);
        assertArrayEquals(new double[] {2, 3, 4}, v.get(slice(2, 5)).realData(), 0);
        assertArrayEquals(new double[] {7, 8, 9}, v.get(slice(-3, null)).realData(), 0);
        assertArrayEquals(
                new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                v.get(slice(null, 100)).realData(),
                0);
        assertArrayEquals(new double[] {8, 6, 4}, v.get(slice(8, 2, -2)).realData(), 0);
        assertArrayEquals(
                new double[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
                v.get(slice(null, null, -1)).realData(),
                0);
        assertArrayEquals(new double[] {1, 4, 7}, v.get(slice(1, null, 3)).realData(), 0);
        assertEquals(0, v.get(slice(5, 2)).size());
        assertEquals(0, v.get(slice(20, 30)).size());
        assertArrayEquals(new double[] {9, 7}, v.get(slice(100, 6, -2)).realData(), 0);
        assertThrows(TensorException.class, () -> v.get(slice(0, 5, 0)));
        Tensor sub = m().get(slice(1, null), slice(null, null, 2));
        assertValues(sub, new int[] {2, 2}, new double[] {4, 6, 8, 10}, 0);
    }

    @Test
    void fancyIndexReplacesTheAxis() {
        assertValues(
                m().get(take(2, 0, -1)), new int[] {3, 4}, new double[] {8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11}, 0);
        assertValues(m().get(all(), take(3, 1)), new int[] {3, 2}, new double[] {3, 1, 7, 5, 11, 9}, 0);
        // an index tensor of rank 2 contributes its shape
        Tensor idx = Tensor.fromNested(new double[][] {{0, 1}, {1, 2}});
        assertShape(Tensor.arange(5).get(take(idx)), 2, 2);
        // two fancy indices select pointwise, as numpy
        assertValues(m().get(take(0, 2), take(1, 3)), new int[] {2}, new double[] {1, 11}, 0);
        assertThrows(TensorException.class, () -> m().get(take(Tensor.vector(0.5))));
    }

    @Test
    void booleanMasks() {
        Tensor t = m();
        Tensor mask = t.gt(6);
        assertValues(t.get(Index.of(mask)), new int[] {5}, new double[] {7, 8, 9, 10, 11}, 0);
        // a 1-D mask on the first axis selects rows
        Tensor rows = Tensor.vector(1, 0, 1).gt(0);
        assertValues(t.get(mask(rows)), new int[] {2, 4}, new double[] {0, 1, 2, 3, 8, 9, 10, 11}, 0);
        // and on the second axis, columns
        Tensor cols = Tensor.vector(0, 1, 0, 1).gt(0);
        assertValues(t.get(all(), mask(cols)), new int[] {3, 2}, new double[] {1, 3, 5, 7, 9, 11}, 0);
        TensorException e = assertThrows(
                TensorException.class, () -> t.get(mask(Tensor.vector(1, 0).gt(0))));
        assertEquals("boolean mask of shape (2,) does not match indexed shape (3,)", e.getMessage());
    }

    @Test
    void resultsAreCopies() {
        Tensor t = m();
        Tensor row = t.get(at(0));
        row.set(new Index[] {at(0)}, 100);
        assertEquals(0, t.get(0), 0);
    }

    @Test
    void setScalarIntoSliceAndNegativeIndex() {
        Tensor t = m();
        t.set(new Index[] {at(-1), at(-1)}, -1);
        assertEquals(-1, t.get(11), 0);
        t.set(new Index[] {slice(0, 2), slice(1, 3)}, 0);
        assertArrayEquals(new double[] {0, 0, 0, 3, 4, 0, 0, 7, 8, 9, 10, -1}, t.realData(), 0);
    }

    @Test
    void setBroadcastsTheValue() {
        Tensor t = Tensor.zeros(3, 4);
        t.set(new Index[] {all(), slice(1, 3)}, Tensor.vector(5, 6)); // row broadcast to (3, 2)
        assertArrayEquals(new double[] {0, 5, 6, 0, 0, 5, 6, 0, 0, 5, 6, 0}, t.realData(), 0);
        t.set(new Index[] {take(0, 2)}, Tensor.vector(1, 2).reshape(2, 1)); // column broadcast
        assertArrayEquals(new double[] {1, 1, 1, 1, 0, 5, 6, 0, 2, 2, 2, 2}, t.realData(), 0);
        TensorException e =
                assertThrows(TensorException.class, () -> t.set(new Index[] {at(0)}, Tensor.vector(1, 2, 3)));
        assertEquals("cannot assign a value of shape (3,) to a selection of shape (4,)", e.getMessage());
    }

    @Test
    void setThroughMask() {
        Tensor t = Tensor.vector(-1, 2, -3, 4);
        t.set(new Index[] {Index.of(t.lt(0))}, 0);
        assertArrayEquals(new double[] {0, 2, 0, 4}, t.realData(), 0);
        Tensor u = Tensor.vector(1, 2, 3, 4);
        u.set(new Index[] {Index.of(u.gt(2))}, Tensor.vector(30, 40));
        assertArrayEquals(new double[] {1, 2, 30, 40}, u.realData(), 0);
    }

    @Test
    void complexTensorsKeepBothParts() {
        Tensor z = new Tensor(new int[] {3}, new double[] {1, 2, 3}, new double[] {4, 5, 6}, false);
        Tensor s = z.get(slice(1, null));
        assertEquals(5, s.getImag(0), 0);
        z.set(new Index[] {at(0)}, 9);
        assertEquals(9, z.get(0), 0);
        assertEquals(0, z.getImag(0), 0);
        assertThrows(TensorException.class, () -> Tensor.zeros(2).set(new Index[] {at(0)}, Tensor.complexScalar(1, 1)));
    }

    @Test
    void rank3MixedIndexing() {
        Tensor t = Tensor.arange(24).reshape(2, 3, 4);
        assertShape(t.get(all(), at(1)), 2, 4);
        assertValues(t.get(at(1), slice(null, null, 2), at(-1)), new int[] {2}, new double[] {15, 23}, 0);
        assertShape(t.get(all(), all(), take(0, 1, 2)), 2, 3, 3);
        // integer between a slice and a list: our documented (non-numpy) order keeps the slice first
        assertShape(t.get(at(0), all(), take(1, 2)), 3, 2);
        // fancy indices separated by a slice: numpy puts the broadcast fancy dims first
        Tensor sep = t.get(take(0, 1), all(), take(1, 2));
        assertShape(sep, 2, 3);
        assertArrayEquals(new double[] {1, 5, 9, 14, 18, 22}, sep.realData(), 0);
    }
}
