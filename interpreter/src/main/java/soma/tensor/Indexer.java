package soma.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Implements {@link Tensor#get(Index...)} and {@link Tensor#set}. Both first resolve the index
 * expression into a {@link Selection}: the result shape plus, for every result element in
 * row-major order, its flat offset in the source. get gathers from those offsets, set scatters
 * a broadcast value into them, so reading and writing cannot disagree about what is selected.
 *
 * <p>numpy rules, with one simplification: an integer index is never treated as an "advanced"
 * index. numpy places the combined fancy-index dimensions first when advanced indices are
 * separated by a slice and counts integers as advanced, so {@code a[0, :, [1, 2]]} has shape
 * (2, n1) in numpy but (n1, 2) here (the intuitive order). Multiple fancy/mask indices are
 * broadcast together and select pointwise, exactly as in numpy.
 */
final class Indexer {
    private Indexer() {}

    record Selection(int[] shape, int[] offsets) {}

    static Tensor get(Tensor t, Index[] idx) {
        Tensor basic = basic(t, idx);
        if (basic != null) return basic;
        Selection s = resolve(t, idx);
        int n = s.offsets.length;
        double[] re = new double[n];
        double[] im = t.im == null ? null : new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = t.re[s.offsets[i]];
            if (im != null) im[i] = t.im[s.offsets[i]];
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
        for (int i = 0; i < s.offsets.length; i++, w.next()) {
            int o = s.offsets[i];
            double v = value.re[w.ia];
            t.re[o] = t.isBool ? (v != 0 ? 1 : 0) : v; // a bool tensor stays 0/1
            if (t.im != null) t.im[o] = value.im == null ? 0 : value.im[w.ia];
        }
    }

    /**
     * get for integers and slices alone (the usual {@code run.V[:, :, 2]}): the selection is a
     * strided block, copied row by row without the offset table of {@link #resolve} (an int per
     * element, built by outer sums, which took longer than the copy). Null when an index is a list
     * or a mask, or there are too many (resolve says so, in its words); the same checks in the same
     * order otherwise.
     */
    private static Tensor basic(Tensor t, Index[] idx) {
        int rank = t.rank();
        if (idx.length > rank) return null;
        for (Index ix : idx) if (ix instanceof Index.Take || ix instanceof Index.Mask) return null;
        int[] strides = Shape.strides(t.shape);
        int[] counts = new int[rank], steps = new int[rank];
        int dims = 0, base = 0;
        for (int axis = 0; axis < rank; axis++) {
            Index ix = axis < idx.length ? idx[axis] : Index.ALL;
            if (ix instanceof Index.At at) {
                base += strides[axis] * position(at.index(), axis, t.shape[axis]);
            } else if (ix instanceof Index.Slice sl) {
                int[] pos = slice(sl, axis, t.shape[axis]);
                if (pos.length > 0) base += pos[0] * strides[axis];
                counts[dims] = pos.length;
                steps[dims++] = (sl.step() == null ? 1 : sl.step()) * strides[axis];
            } else {
                counts[dims] = t.shape[axis];
                steps[dims++] = strides[axis];
            }
        }
        int[] shape = Arrays.copyOf(counts, dims);
        int size = Shape.size(shape);
        double[] re = new double[size];
        double[] im = t.im == null ? null : new double[size];
        if (dims == 0) {
            re[0] = t.re[base];
            if (im != null) im[0] = t.im[base];
            return new Tensor(shape, re, im, t.isBool);
        }
        int inner = counts[dims - 1], step = steps[dims - 1];
        int[] at = new int[dims - 1];
        int from = base;
        for (int k = 0; k < size; k += inner) {
            copy(t.re, from, step, re, k, inner);
            if (im != null) copy(t.im, from, step, im, k, inner);
            for (int q = dims - 2; q >= 0; q--) { // the next row: an odometer over the outer axes
                from += steps[q];
                if (++at[q] < counts[q]) break;
                from -= steps[q] * counts[q];
                at[q] = 0;
            }
        }
        return new Tensor(shape, re, im, t.isBool);
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
        // Output "virtual dims" in order; the fancy group is inserted as one entry (null marker).
        List<int[]> dimShapes = new ArrayList<>();
        List<int[]> dimOffsets = new ArrayList<>();
        List<Fancy> fancy = new ArrayList<>();
        int fancySlot = -1;
        boolean fancyAdjacent = true, fancyClosed = false;
        int base = 0, axis = 0;
        for (int q = 0; q < rank - consumed + idx.length; q++) {
            Index ix = q < idx.length ? idx[q] : Index.ALL;
            if (ix instanceof Index.At at) {
                base += strides[axis] * position(at.index(), axis, t.shape[axis]);
                axis++;
            } else if (ix instanceof Index.Slice || ix instanceof Index.All) {
                int[] pos = ix instanceof Index.Slice sl ? slice(sl, axis, t.shape[axis]) : range(t.shape[axis]);
                int[] off = new int[pos.length];
                for (int i = 0; i < pos.length; i++) off[i] = pos[i] * strides[axis];
                dimShapes.add(new int[] {pos.length});
                dimOffsets.add(off);
                if (fancySlot >= 0) fancyClosed = true;
                axis++;
            } else {
                if (fancyClosed) fancyAdjacent = false;
                if (fancySlot < 0) {
                    fancySlot = dimShapes.size();
                    dimShapes.add(null);
                    dimOffsets.add(null);
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
        if (fancySlot >= 0) {
            int[] bshape = new int[0];
            for (Fancy f : fancy) bshape = Shape.broadcast(bshape, f.shape);
            int count = Shape.size(bshape);
            int[] off = new int[count];
            for (Fancy f : fancy) {
                Walker w = new Walker(bshape, Shape.broadcastStrides(f.shape, bshape), null);
                for (int i = 0; i < count; i++, w.next()) off[i] += f.positions[w.ia] * strides[f.axis];
            }
            if (!fancyAdjacent) { // numpy: separated advanced indices put their dims first
                dimShapes.remove(fancySlot);
                dimOffsets.remove(fancySlot);
                fancySlot = 0;
                dimShapes.add(0, null);
                dimOffsets.add(0, null);
            }
            dimShapes.set(fancySlot, bshape);
            dimOffsets.set(fancySlot, off);
        }
        // Outer sum of the offset tables, in row-major order of the output.
        int[] offsets = {base};
        List<Integer> shape = new ArrayList<>();
        for (int d = 0; d < dimShapes.size(); d++) {
            for (int s : dimShapes.get(d)) shape.add(s);
            int[] table = dimOffsets.get(d);
            int[] next = new int[Math.multiplyExact(offsets.length, table.length)];
            int k = 0;
            for (int o : offsets) for (int x : table) next[k++] = o + x;
            offsets = next;
        }
        return new Selection(shape.stream().mapToInt(Integer::intValue).toArray(), offsets);
    }

    private static int position(long i, int axis, int size) {
        long p = i < 0 ? i + size : i;
        if (p < 0 || p >= size) {
            throw new TensorException("index " + i + " out of range for axis " + axis + " with size " + size);
        }
        return (int) p;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
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
