package soma.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * get with integers and slices alone takes a strided copy ({@link Indexer}'s basic path); it must
 * select what the general path's offset table selects, in the same order, for every kind of slice.
 */
class BasicIndexingTest {
    @Test
    void stridedCopiesSelectWhatTheOffsetTableSelects() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 2000; trial++) {
            int rank = rnd.nextInt(4);
            int[] shape = new int[rank];
            for (int d = 0; d < rank; d++) shape[d] = rnd.nextInt(5);
            int n = Shape.size(shape);
            double[] re = new double[n], im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = i;
                im[i] = -i;
            }
            Tensor t = new Tensor(shape, re, trial % 3 == 0 ? im : null, false);
            Index[] idx = new Index[rnd.nextInt(rank + 1)];
            boolean valid = true;
            for (int d = 0; d < idx.length; d++) {
                switch (rnd.nextInt(3)) {
                    case 0 -> {
                        if (shape[d] == 0) valid = false;
                        else idx[d] = Index.at(rnd.nextInt(2 * shape[d]) - shape[d]);
                    }
                    case 1 -> idx[d] = Index.ALL;
                    default -> {
                        Integer step = rnd.nextBoolean() ? null : (rnd.nextBoolean() ? 1 : -1) * (1 + rnd.nextInt(3));
                        Integer start = rnd.nextBoolean() ? null : rnd.nextInt(13) - 6;
                        Integer stop = rnd.nextBoolean() ? null : rnd.nextInt(13) - 6;
                        idx[d] = Index.slice(start, stop, step);
                    }
                }
            }
            if (!valid) continue;
            Indexer.Selection s = Indexer.resolve(t, idx);
            Tensor got = t.get(idx);
            String where = "shape " + Shape.toString(shape) + " index " + java.util.Arrays.toString(idx);
            assertArrayEquals(s.shape(), got.shape(), where);
            double[] expected = new double[s.offsets().length];
            for (int i = 0; i < expected.length; i++) expected[i] = re[s.offsets()[i]];
            assertArrayEquals(expected, got.realData(), 0.0, where);
            if (t.im != null) {
                for (int i = 0; i < expected.length; i++) expected[i] = im[s.offsets()[i]];
                assertArrayEquals(expected, got.im, 0.0, where);
            }
        }
    }

    @Test
    void theHubTraceOfARecordedBatch() {
        Tensor v = Tensor.arange(4 * 5 * 3).reshape(4, 5, 3);
        Tensor hub = v.get(Index.ALL, Index.ALL, Index.at(2));
        assertArrayEquals(new int[] {4, 5}, hub.shape());
        for (int i = 0; i < 4; i++)
            for (int r = 0; r < 5; r++) assertEquals(i * 15 + r * 3 + 2, hub.realData()[i * 5 + r], 0.0);
    }
}
