package soma.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Implements {@link Tensor#get(Index...)} and {@link Tensor#set}. Both first resolve the index
 * expression into a {@link Selection}: the result shape plus where each result element, in
 * row-major order, sits in the source. get gathers from there, set scatters a broadcast value
 * there, so reading and writing cannot disagree about what is selected.
 *
 * <p>numpy rules, with one simplification: an integer index is never treated as an "advanced"
 * index. numpy places the combined fancy-index dimensions first when advanced indices are
 * separated by a slice and counts integers as advanced, so {@code a[0, :, [1, 2]]} has shape
 * (2, n1) in numpy but (n1, 2) here (the intuitive order). Multiple fancy/mask indices are
 * broadcast together and select pointwise, exactly as in numpy.
 */
final class Indexer {
    private Indexer() {}

    /**
     * What an index selects: the result's shape and, for integers and slices alone (the usual
     * {@code run.V[:, :, 2]}), a strided block: result element (i_0, i_1, ...) is the source's
     * base + sum_d i_d steps[d], copied row by row without an offset table (an int per element,
     * built by outer sums, which took longer than the copy). With a list or a mask, table holds
     * the flat source offset of every result element in row-major order (base 0, steps null).
     */
    record Selection(int[] shape, int base, int[] steps, int[] table) {
        /** Every result element's flat offset in the source, in row-major order. */
        int[] offsets() {
            if (table != null) return table;
            List<int[]> tables = new ArrayList<>();
            for (int d = 0; d < shape.length; d++) tables.add(stepped(shape[d], steps[d]));
            return outerSum(base, tables);
        }
    }

    /**
     * The rows of a strided selection (its runs along the last axis, one element when it has no
     * axis) in row-major order: from is the source offset of the current row's first element.
     */
    private static final class Rows {
        final int length, step;
        private final int[] counts, steps, at;
        int from;

        Rows(Selection s) {
            int dims = s.shape.length;
            counts = s.shape;
            steps = s.steps;
            length = dims == 0 ? 1 : counts[dims - 1];
            step = dims == 0 ? 1 : steps[dims - 1];
            at = new int[Math.max(dims - 1, 0)];
            from = s.base;
        }

        /** The next row: an odometer over the outer axes. */
        void next() {
            for (int q = at.length - 1; q >= 0; q--) {
                from += steps[q];
                if (++at[q] < counts[q]) return;
                from -= steps[q] * counts[q];
                at[q] = 0;
            }
        }
    }

    static Tensor get(Tensor t, Index[] idx) {
        Selection s = resolve(t, idx);
        int n = s.table == null ? Shape.size(s.shape) : s.table.length;
        double[] re = new double[n];
        double[] im = t.im == null ? null : new double[n];
        if (s.table == null) {
            Rows rows = new Rows(s);
            for (int k = 0; k < n; k += rows.length, rows.next()) {
                copy(t.re, rows.from, rows.step, re, k, rows.length);
                if (im != null) copy(t.im, rows.from, rows.step, im, k, rows.length);
            }
        } else {
            for (int i = 0; i < n; i++) {
                re[i] = t.re[s.table[i]];
                if (im != null) im[i] = t.im[s.table[i]];
            }
        }
        return new Tensor(s.shape, re, im, t.isBool);
    }

    static void set(Tensor t, Index[] idx, Tensor value) {
        if (value.im != null && t.im == null) {
            throw new TensorException("cannot assign complex values into a real tensor");
        }
        Selection s = resolve(t, idx);
        int[] b;
        try {
            b = Shape.broadcast(value.shape, s.shape);
        } catch (TensorException e) {
            b = null;
        }
        if (b == null || !Shape.same(b, s.shape)) {
            throw new TensorException("cannot assign a value of shape " + value.shapeString()
                    + " to a selection of shape " + Shape.toString(s.shape));
        }
        Walker w = new Walker(s.shape, Shape.broadcastStrides(value.shape, s.shape), null);
        if (s.table == null) {
            int n = Shape.size(s.shape);
            Rows rows = new Rows(s);
            for (int k = 0; k < n; k += rows.length, rows.next()) {
                for (int i = 0; i < rows.length; i++, w.next()) store(t, rows.from + i * rows.step, value, w.ia);
            }
        } else {
            for (int i = 0; i < s.table.length; i++, w.next()) store(t, s.table[i], value, w.ia);
        }
    }

    private static void store(Tensor t, int o, Tensor value, int ia) {
        double v = value.re[ia];
        t.re[o] = t.isBool ? (v != 0 ? 1 : 0) : v; // a bool tensor stays 0/1
        if (t.im != null) t.im[o] = value.im == null ? 0 : value.im[ia];
    }

    private static void copy(double[] src, int from, int step, double[] dst, int to, int n) {
        if (step == 1) System.arraycopy(src, from, dst, to, n);
        else for (int i = 0; i < n; i++) dst[to + i] = src[from + i * step];
    }

    /** A fancy index after normalisation: the source axis and one position per broadcast element. */
    private record Fancy(int axis, int[] shape, int[] positions) {}

    static Selection resolve(Tensor t, Index[] idx) {
        int rank = t.rank();
        int[] strides = Shape.strides(t.shape);
        int consumed = 0;
        for (Index ix : idx)
            consumed += ix instanceof Index.Mask m ? Math.max(1, m.mask().rank()) : 1;
        if (consumed > rank) {
            throw new TensorException("too many indices: tensor of rank " + rank + " indexed with " + consumed);
        }
        // The result's axes in order: a slice's count and step in the source, or (at fancySlot) the fancy group.
        int[] counts = new int[rank], steps = new int[rank];
        int dims = 0;
        List<Fancy> fancy = null;
        int fancySlot = -1;
        boolean fancyAdjacent = true, fancyClosed = false;
        int base = 0, axis = 0;
        for (int q = 0; q < rank - consumed + idx.length; q++) {
            Index ix = q < idx.length ? idx[q] : Index.ALL;
            if (ix instanceof Index.At at) {
                base += strides[axis] * position(at.index(), axis, t.shape[axis]);
                axis++;
            } else if (ix instanceof Index.Slice || ix instanceof Index.All) {
                if (ix instanceof Index.Slice sl) {
                    int[] pos = slice(sl, axis, t.shape[axis]);
                    if (pos.length > 0) base += pos[0] * strides[axis];
                    counts[dims] = pos.length;
                    steps[dims++] = (sl.step() == null ? 1 : sl.step()) * strides[axis];
                } else {
                    counts[dims] = t.shape[axis];
                    steps[dims++] = strides[axis];
                }
                if (fancySlot >= 0) fancyClosed = true;
                axis++;
            } else {
                if (fancyClosed) fancyAdjacent = false;
                if (fancySlot < 0) {
                    fancySlot = dims++;
                    fancy = new ArrayList<>();
                }
                if (ix instanceof Index.Take tk) {
                    fancy.add(take(tk.indices(), axis, t.shape[axis]));
                    axis++;
                } else {
                    Tensor m = ((Index.Mask) ix).mask();
                    addMask(m, t.shape, axis, fancy);
                    axis += m.rank();
                }
            }
        }
        if (fancySlot < 0) return new Selection(Arrays.copyOf(counts, dims), base, Arrays.copyOf(steps, dims), null);
        int[] bshape = new int[0];
        for (Fancy f : fancy) bshape = Shape.broadcast(bshape, f.shape);
        int count = Shape.size(bshape);
        int[] off = new int[count];
        for (Fancy f : fancy) {
            Walker w = new Walker(bshape, Shape.broadcastStrides(f.shape, bshape), null);
            for (int i = 0; i < count; i++, w.next()) off[i] += f.positions[w.ia] * strides[f.axis];
        }
        // One offset table per result axis, the fancy group's in its place, or first when its
        // indices are separated by a slice (numpy: separated advanced indices put their dims first).
        List<int[]> shapes = new ArrayList<>(), tables = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            if (d == fancySlot) continue;
            shapes.add(new int[] {counts[d]});
            tables.add(stepped(counts[d], steps[d]));
        }
        int at = fancyAdjacent ? fancySlot : 0;
        shapes.add(at, bshape);
        tables.add(at, off);
        int[] shape = shapes.stream().flatMapToInt(Arrays::stream).toArray();
        return new Selection(shape, 0, null, outerSum(base, tables));
    }

    /** 0, step, 2 step, ... (count of them): a strided axis's offset table. */
    private static int[] stepped(int count, int step) {
        int[] table = new int[count];
        for (int i = 0; i < count; i++) table[i] = i * step;
        return table;
    }

    /** base plus every combination of one entry of each table, in row-major order of the tables. */
    private static int[] outerSum(int base, List<int[]> tables) {
        int[] offsets = {base};
        for (int[] table : tables) {
            int[] next = new int[Math.multiplyExact(offsets.length, table.length)];
            int k = 0;
            for (int o : offsets) for (int x : table) next[k++] = o + x;
            offsets = next;
        }
        return offsets;
    }

    private static int position(long i, int axis, int size) {
        long p = i < 0 ? i + size : i;
        if (p < 0 || p >= size) {
            throw new TensorException("index " + i + " out of range for axis " + axis + " with size " + size);
        }
        return (int) p;
    }

    /** Python's slice.indices(len): clamp start/stop, defaults depend on the sign of step. */
    static int[] slice(Index.Slice s, int axis, int size) {
        int step = s.step() == null ? 1 : s.step();
        if (step == 0) throw new TensorException("slice step cannot be zero");
        int lo = step > 0 ? 0 : -1, hi = step > 0 ? size : size - 1;
        int start = s.start() == null ? (step > 0 ? 0 : size - 1) : clamp(s.start(), size, lo, hi);
        int stop = s.stop() == null ? (step > 0 ? size : -1) : clamp(s.stop(), size, lo, hi);
        int n = step > 0
                ? Math.max(0, (stop - start + step - 1) / step)
                : Math.max(0, (start - stop - step - 1) / -step);
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) pos[i] = start + i * step;
        return pos;
    }

    private static int clamp(int v, int size, int lo, int hi) {
        long x = v < 0 ? (long) v + size : v;
        return (int) Math.max(lo, Math.min(hi, x));
    }

    private static Fancy take(Tensor ix, int axis, int size) {
        if (ix.im != null) throw new TensorException("indices must be real integers, got a complex tensor");
        int[] pos = new int[ix.size()];
        for (int i = 0; i < pos.length; i++) {
            double v = ix.re[i];
            if (v != Math.rint(v) || Double.isInfinite(v)) {
                throw new TensorException("indices must be integers, got " + v);
            }
            pos[i] = position((long) v, axis, size);
        }
        return new Fancy(axis, ix.shape, pos);
    }

    /** A mask over axes [axis, axis+rank) becomes one 1-D fancy index per axis (numpy's nonzero). */
    private static void addMask(Tensor m, int[] shape, int axis, List<Fancy> out) {
        int r = m.rank();
        if (r == 0) throw new TensorException("a boolean mask index must have at least one dimension");
        for (int d = 0; d < r; d++) {
            if (m.shape[d] != shape[axis + d]) {
                int[] part = Arrays.copyOfRange(shape, axis, axis + r);
                throw new TensorException("boolean mask of shape " + m.shapeString() + " does not match indexed shape "
                        + Shape.toString(part));
            }
        }
        int count = 0;
        for (int i = 0; i < m.size(); i++) if (m.re[i] != 0 || (m.im != null && m.im[i] != 0)) count++;
        int[][] coords = new int[r][count];
        int[] mstr = Shape.strides(m.shape);
        for (int i = 0, c = 0; i < m.size(); i++) {
            if (m.re[i] == 0 && (m.im == null || m.im[i] == 0)) continue;
            for (int d = 0, rem = i; d < r; d++) {
                coords[d][c] = rem / mstr[d];
                rem %= mstr[d];
            }
            c++;
        }
        for (int d = 0; d < r; d++) out.add(new Fancy(axis + d, new int[] {count}, coords[d]));
    }
}
