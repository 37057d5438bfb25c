package soma.tensor;

import java.util.List;

/** Operations that rearrange elements without computing new values: reshape, transpose, stack, concat, diag. */
public final class Layout {
    private Layout() {}

    /** numpy reshape; one dimension may be -1 and is inferred. The data is copied. */
    public static Tensor reshape(Tensor t, int... newShape) {
        int[] shape = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (infer >= 0) throw new TensorException("reshape: can only specify one unknown dimension (-1)");
                infer = i;
            } else if (shape[i] < 0) {
                throw new TensorException("reshape: negative dimension " + shape[i]);
            } else {
                known *= shape[i];
            }
        }
        int size = t.size();
        if (infer >= 0) {
            if (known == 0 || size % known != 0) {
                throw new TensorException(
                        "cannot reshape tensor of size " + size + " into shape " + Shape.toString(newShape));
            }
            shape[infer] = (int) (size / known);
        } else if (known != size) {
            throw new TensorException(
                    "cannot reshape tensor of size " + size + " into shape " + Shape.toString(newShape));
        }
        return new Tensor(shape, t.re.clone(), t.im == null ? null : t.im.clone(), t.isBool);
    }

    /** Reverse all axes: the matrix transpose for rank 2. */
    public static Tensor transpose(Tensor t) {
        int r = t.rank();
        int[] axes = new int[r];
        for (int i = 0; i < r; i++) axes[i] = r - 1 - i;
        return transpose(t, axes);
    }

    /** Permute axes: output axis i is input axis axes[i] (negative axes allowed). */
    public static Tensor transpose(Tensor t, int... axes) {
        int r = t.rank();
        if (axes.length != r) throw new TensorException("transpose: axes don't match tensor of rank " + r);
        int[] perm = new int[r];
        boolean[] seen = new boolean[r];
        for (int i = 0; i < r; i++) {
            perm[i] = Shape.axis(axes[i], r);
            if (seen[perm[i]]) throw new TensorException("transpose: repeated axis in " + Shape.toString(axes));
            seen[perm[i]] = true;
        }
        int[] inStrides = Shape.strides(t.shape);
        int[] outShape = new int[r];
        int[] readStrides = new int[r];
        for (int i = 0; i < r; i++) {
            outShape[i] = t.shape[perm[i]];
            readStrides[i] = inStrides[perm[i]];
        }
        int n = t.size();
        double[] re = new double[n];
        double[] im = t.im == null ? null : new double[n];
        if (r == 2) { // the common matrix case: a direct double loop, no odometer
            int rows = outShape[0], cols = outShape[1];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int src = i * readStrides[0] + j * readStrides[1];
                    re[i * cols + j] = t.re[src];
                    if (im != null) im[i * cols + j] = t.im[src];
                }
            }
        } else {
            Walker w = new Walker(outShape, readStrides, null);
            for (int k = 0; k < n; k++, w.next()) {
                re[k] = t.re[w.ia];
                if (im != null) im[k] = t.im[w.ia];
            }
        }
        return new Tensor(outShape, re, im, t.isBool);
    }

    /** Join tensors of identical shape along a new axis (numpy stack). */
    public static Tensor stack(List<Tensor> parts, int axis) {
        if (parts.isEmpty()) throw new TensorException("stack: need at least one tensor");
        int[] s0 = parts.get(0).shape;
        for (Tensor p : parts) {
            if (!Shape.same(p.shape, s0)) {
                throw new TensorException("stack: all tensors must have the same shape, got " + Shape.toString(s0)
                        + " and " + Shape.toString(p.shape));
            }
        }
        int ax = Shape.axis(axis, s0.length + 1);
        int[] expanded = new int[s0.length + 1];
        for (int i = 0, j = 0; i < expanded.length; i++) expanded[i] = i == ax ? 1 : s0[j++];
        Tensor[] ex = new Tensor[parts.size()];
        for (int i = 0; i < ex.length; i++) {
            Tensor p = parts.get(i);
            ex[i] = new Tensor(expanded, p.re, p.im, p.isBool);
        }
        return concat(List.of(ex), ax);
    }

    /** Join tensors along an existing axis; all other dimensions must agree (numpy concatenate). */
    public static Tensor concat(List<Tensor> parts, int axis) {
        if (parts.isEmpty()) throw new TensorException("concat: need at least one tensor");
        int[] s0 = parts.get(0).shape;
        if (s0.length == 0) throw new TensorException("concat: zero-rank tensors cannot be concatenated");
        int ax = Shape.axis(axis, s0.length);
        int total = 0;
        boolean complex = false, bool = true;
        for (Tensor p : parts) {
            if (p.rank() != s0.length)
                throw new TensorException("concat: all tensors must have the same rank, got " + Shape.toString(s0)
                        + " and " + Shape.toString(p.shape));
            for (int d = 0; d < s0.length; d++) {
                if (d != ax && p.shape[d] != s0[d]) {
                    throw new TensorException("concat: shapes " + Shape.toString(s0) + " and " + Shape.toString(p.shape)
                            + " differ outside axis " + ax);
                }
            }
            total += p.shape[ax];
            complex |= p.im != null;
            bool &= p.isBool;
        }
        int[] out = s0.clone();
        out[ax] = total;
        int outer = Shape.prod(s0, 0, ax), inner = Shape.prod(s0, ax + 1, s0.length);
        double[] re = Shape.allocate(out);
        double[] im = complex ? new double[re.length] : null;
        int rowLen = total * inner, offset = 0;
        for (Tensor p : parts) {
            int chunk = p.shape[ax] * inner;
            for (int o = 0; o < outer; o++) {
                System.arraycopy(p.re, o * chunk, re, o * rowLen + offset, chunk);
                if (p.im != null) System.arraycopy(p.im, o * chunk, im, o * rowLen + offset, chunk);
            }
            offset += chunk;
        }
        return new Tensor(out, re, im, bool && !complex);
    }

    /** numpy diag: a vector becomes a square matrix with it on the diagonal; a matrix yields its diagonal. */
    public static Tensor diag(Tensor t) {
        if (t.rank() == 1) {
            int n = t.size();
            double[] re = new double[n * n];
            double[] im = t.im == null ? null : new double[n * n];
            for (int i = 0; i < n; i++) {
                re[i * n + i] = t.re[i];
                if (im != null) im[i * n + i] = t.im[i];
            }
            return new Tensor(new int[] {n, n}, re, im, false);
        }
        if (t.rank() == 2) {
            int r = t.shape[0], c = t.shape[1], n = Math.min(r, c);
            double[] re = new double[n];
            double[] im = t.im == null ? null : new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = t.re[i * c + i];
                if (im != null) im[i] = t.im[i * c + i];
            }
            return new Tensor(new int[] {n}, re, im, t.isBool);
        }
        throw new TensorException("diag: expected a vector or a matrix, got shape " + t.shapeString());
    }
}
