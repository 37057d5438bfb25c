package soma.tensor;

import com.oracle.truffle.api.interop.TruffleObject;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.List;

/**
 * A dense, row-major, N-dimensional array of doubles (rank 0 = scalar), optionally complex.
 *
 * <p>Storage is a real part {@code re} and an imaginary part {@code im} that is {@code null} for
 * real tensors, so real code never pays for complex support. There is one element type (double);
 * {@code isBool} only marks 0/1 results of comparisons so they print as true/false. Elementwise
 * arithmetic on a bool tensor yields an ordinary float tensor, as in numpy.
 *
 * <p>Tensors are mutable only through {@link #set}; every other operation returns a new tensor
 * (indexing copies rather than creating views, which keeps aliasing out of the interpreter).
 * The real/imag arrays are exposed without copying for speed; callers must not resize or share
 * them carelessly.
 *
 * <p>The heavy lifting lives in small single-purpose classes ({@link Elementwise},
 * {@link Reduce}, {@link MatMul}, {@link Indexer}, {@link Layout}, {@link TensorFormat}); the
 * instance methods here are thin conveniences over them.
 *
 * <p>The one tie to anything outside the numeric core is Truffle's marker interface
 * {@link TruffleObject} (from truffle-api, not from the interpreter): values that flow through
 * instrumented nodes (a debugger watching expressions) must be interop values, and a tensor is one
 * of Soma's values. It adds no behaviour.
 */
public final class Tensor implements TruffleObject {
    final int[] shape;
    final double[] re;
    final double[] im;
    final boolean isBool;

    /** Wraps the arrays without copying. {@code im} may be null (real tensor). */
    public Tensor(int[] shape, double[] re, double[] im, boolean isBool) {
        int n = Shape.size(shape);
        if (re.length != n || (im != null && im.length != n)) {
            throw new TensorException("data length " + re.length + " does not match shape " + Shape.toString(shape));
        }
        if (isBool && im != null) throw new IllegalArgumentException("bool tensors are real");
        this.shape = shape.clone();
        this.re = re;
        this.im = im;
        this.isBool = isBool;
    }

    /** Real tensor wrapping {@code data} (no copy). */
    public Tensor(int[] shape, double[] data) {
        this(shape, data, null, false);
    }

    // ---------------------------------------------------------------- factories

    public static Tensor scalar(double v) {
        return new Tensor(new int[0], new double[] {v});
    }

    public static Tensor complexScalar(double re, double im) {
        return new Tensor(new int[0], new double[] {re}, new double[] {im}, false);
    }

    public static Tensor bool(boolean b) {
        return new Tensor(new int[0], new double[] {b ? 1 : 0}, null, true);
    }

    /** 1-D tensor holding a copy of {@code values}. */
    public static Tensor vector(double... values) {
        return new Tensor(new int[] {values.length}, values.clone());
    }

    /** 2-D tensor from rows (copied); rows must have equal length. */
    public static Tensor matrix(double[][] rows) {
        return fromNested(rows);
    }

    /**
     * Builds a tensor from a nested rectangular Java array ({@code double}, {@code double[]},
     * {@code double[][]}, ... or nested {@code Object[]}/{@code List} of Numbers, which is how an
     * interpreter typically holds list literals). Ragged input is an error.
     */
    public static Tensor fromNested(Object nested) {
        int[] shape = nestedShape(nested);
        double[] data = Shape.allocate(shape);
        int[] pos = {0};
        fill(nested, shape, 0, data, pos);
        return new Tensor(shape, data);
    }

    private static int[] nestedShape(Object o) {
        int rank = 0;
        int[] dims = new int[32];
        Object cur = o;
        while (true) {
            int len;
            Object first;
            if (cur instanceof List<?> l) {
                len = l.size();
                first = len > 0 ? l.get(0) : null;
            } else if (cur != null && cur.getClass().isArray()) {
                len = Array.getLength(cur);
                first = len > 0 ? Array.get(cur, 0) : null;
            } else {
                break;
            }
            dims[rank++] = len;
            if (first == null) break;
            cur = first;
        }
        return Arrays.copyOf(dims, rank);
    }

    private static void fill(Object o, int[] shape, int depth, double[] out, int[] pos) {
        if (depth == shape.length) {
            if (o instanceof Number num) out[pos[0]++] = num.doubleValue();
            else if (o instanceof Boolean b) out[pos[0]++] = b ? 1 : 0;
            else throw new TensorException("ragged or non-numeric nested list (found " + describe(o) + ")");
            return;
        }
        int len;
        if (o instanceof List<?> l) len = l.size();
        else if (o != null && o.getClass().isArray()) len = Array.getLength(o);
        else throw new TensorException("ragged nested list: expected a list at depth " + depth);
        if (len != shape[depth]) {
            throw new TensorException(
                    "ragged nested list: expected length " + shape[depth] + " at depth " + depth + ", found " + len);
        }
        for (int i = 0; i < len; i++) {
            Object child = o instanceof List<?> l ? l.get(i) : Array.get(o, i);
            fill(child, shape, depth + 1, out, pos);
        }
    }

    private static String describe(Object o) {
        return o == null
                ? "null"
                : o.getClass().isArray() ? "a list" : o.getClass().getSimpleName();
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(shape, Shape.allocate(shape));
    }

    public static Tensor ones(int... shape) {
        return full(1.0, shape);
    }

    public static Tensor full(double value, int... shape) {
        double[] d = Shape.allocate(shape);
        Arrays.fill(d, value);
        return new Tensor(shape, d);
    }

    public static Tensor eye(int n) {
        return eye(n, n);
    }

    public static Tensor eye(int n, int m) {
        double[] d = Shape.allocate(new int[] {n, m});
        for (int i = 0; i < Math.min(n, m); i++) d[i * m + i] = 1;
        return new Tensor(new int[] {n, m}, d);
    }

    /** numpy diag: vector -> square diagonal matrix, matrix -> its main diagonal. */
    public static Tensor diag(Tensor t) {
        return Layout.diag(t);
    }

    /** {@code n} evenly spaced points from a to b inclusive (numpy linspace, endpoint=True). */
    public static Tensor linspace(double a, double b, int n) {
        if (n < 0) throw new TensorException("linspace: number of points must be non-negative, got " + n);
        double[] d = Shape.allocate(new int[] {n});
        double step = n > 1 ? (b - a) / (n - 1) : 0;
        for (int i = 0; i < n; i++) d[i] = a + i * step;
        if (n > 1) d[n - 1] = b; // exact endpoint, as numpy guarantees
        return new Tensor(new int[] {n}, d);
    }

    /** Half-open range [start, stop) by step; length ceil((stop-start)/step) as in numpy. */
    public static Tensor arange(double start, double stop, double step) {
        if (step == 0 || Double.isNaN(step)) throw new TensorException("arange: step must be non-zero");
        double len = Math.ceil((stop - start) / step);
        if (!(len < Integer.MAX_VALUE)) throw new TensorException("arange: too many elements");
        int n = (int) Math.max(0, len);
        double[] d = Shape.allocate(new int[] {n});
        for (int i = 0; i < n; i++) d[i] = start + i * step;
        return new Tensor(new int[] {n}, d);
    }

    public static Tensor arange(double stop) {
        return arange(0, stop, 1);
    }

    public static Tensor stack(List<Tensor> parts, int axis) {
        return Layout.stack(parts, axis);
    }

    public static Tensor concat(List<Tensor> parts, int axis) {
        return Layout.concat(parts, axis);
    }

    // ---------------------------------------------------------------- accessors

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return re.length;
    }

    public boolean isComplex() {
        return im != null;
    }

    public boolean isBool() {
        return isBool;
    }

    /** Backing real part (not a copy). */
    public double[] realData() {
        return re;
    }

    /** Backing imaginary part (not a copy), or null for a real tensor. */
    public double[] imagData() {
        return im;
    }

    /** Real part of the element at a row-major flat index. */
    public double get(int flatIndex) {
        if (flatIndex < 0 || flatIndex >= re.length) {
            throw new TensorException("flat index " + flatIndex + " out of range for size " + re.length);
        }
        return re[flatIndex];
    }

    /** Imaginary part of the element at a flat index (0 for real tensors). */
    public double getImag(int flatIndex) {
        get(flatIndex);
        return im == null ? 0 : im[flatIndex];
    }

    /** The value of a one-element tensor; complex values must have zero imaginary part. */
    public double scalarValue() {
        if (re.length != 1) {
            throw new TensorException("expected a single value, got a tensor of shape " + Shape.toString(shape));
        }
        if (im != null && im[0] != 0) throw new TensorException("expected a real value, got a complex one");
        return re[0];
    }

    public String shapeString() {
        return Shape.toString(shape);
    }

    /** e.g. "tensor(3, 2) float", "tensor() complex", "tensor(4,) bool". */
    public String summary() {
        String s = Shape.toString(shape);
        return "tensor" + s + (isBool ? " bool" : im != null ? " complex" : " float");
    }

    @Override
    public String toString() {
        return TensorFormat.format(this);
    }

    /** The printed form, numpy-style (the interpreter shows tensors this way). */
    public String show() {
        return TensorFormat.format(this);
    }

    /** Same values, flagged (or not) as boolean. */
    public Tensor withBool(boolean flag) {
        return flag == isBool ? this : new Tensor(shape, re, null, flag && im == null);
    }

    /** Drops the imaginary part when it is all zero (numpy real_if_close with tolerance 0). */
    public Tensor realIfZeroImag() {
        if (im == null) return this;
        for (double v : im) if (v != 0) return this;
        return new Tensor(shape, re.clone());
    }

    // ---------------------------------------------------------------- shape ops

    public Tensor copy() {
        return new Tensor(shape, re.clone(), im == null ? null : im.clone(), isBool);
    }

    /** Reshape with at most one -1 dimension inferred. Copies the data. */
    public Tensor reshape(int... newShape) {
        return Layout.reshape(this, newShape);
    }

    public Tensor flatten() {
        return reshape(re.length);
    }

    /** Reverses the axes (matrix transpose for rank 2; identity for rank 0 and 1). */
    public Tensor transpose() {
        return Layout.transpose(this);
    }

    /** General axis permutation, numpy transpose(axes). */
    public Tensor transpose(int... axes) {
        return Layout.transpose(this, axes);
    }

    // ---------------------------------------------------------------- elementwise binary

    public Tensor add(Tensor o) {
        return Elementwise.binary(BinaryOp.ADD, this, o);
    }

    public Tensor sub(Tensor o) {
        return Elementwise.binary(BinaryOp.SUB, this, o);
    }

    public Tensor mul(Tensor o) {
        return Elementwise.binary(BinaryOp.MUL, this, o);
    }

    public Tensor div(Tensor o) {
        return Elementwise.binary(BinaryOp.DIV, this, o);
    }

    public Tensor pow(Tensor o) {
        return Elementwise.binary(BinaryOp.POW, this, o);
    }

    public Tensor mod(Tensor o) {
        return Elementwise.binary(BinaryOp.MOD, this, o);
    }

    public Tensor minimum(Tensor o) {
        return Elementwise.binary(BinaryOp.MIN, this, o);
    }

    public Tensor maximum(Tensor o) {
        return Elementwise.binary(BinaryOp.MAX, this, o);
    }

    public Tensor eq(Tensor o) {
        return Elementwise.binary(BinaryOp.EQ, this, o);
    }

    public Tensor ne(Tensor o) {
        return Elementwise.binary(BinaryOp.NE, this, o);
    }

    public Tensor lt(Tensor o) {
        return Elementwise.binary(BinaryOp.LT, this, o);
    }

    public Tensor le(Tensor o) {
        return Elementwise.binary(BinaryOp.LE, this, o);
    }

    public Tensor gt(Tensor o) {
        return Elementwise.binary(BinaryOp.GT, this, o);
    }

    public Tensor ge(Tensor o) {
        return Elementwise.binary(BinaryOp.GE, this, o);
    }

    public Tensor and(Tensor o) {
        return Elementwise.binary(BinaryOp.AND, this, o);
    }

    public Tensor or(Tensor o) {
        return Elementwise.binary(BinaryOp.OR, this, o);
    }

    public Tensor add(double o) {
        return add(scalar(o));
    }

    public Tensor sub(double o) {
        return sub(scalar(o));
    }

    public Tensor mul(double o) {
        return mul(scalar(o));
    }

    public Tensor div(double o) {
        return div(scalar(o));
    }

    public Tensor pow(double o) {
        return pow(scalar(o));
    }

    public Tensor mod(double o) {
        return mod(scalar(o));
    }

    public Tensor minimum(double o) {
        return minimum(scalar(o));
    }

    public Tensor maximum(double o) {
        return maximum(scalar(o));
    }

    public Tensor eq(double o) {
        return eq(scalar(o));
    }

    public Tensor ne(double o) {
        return ne(scalar(o));
    }

    public Tensor lt(double o) {
        return lt(scalar(o));
    }

    public Tensor le(double o) {
        return le(scalar(o));
    }

    public Tensor gt(double o) {
        return gt(scalar(o));
    }

    public Tensor ge(double o) {
        return ge(scalar(o));
    }

    // ---------------------------------------------------------------- elementwise unary

    public Tensor neg() {
        return Elementwise.unary(UnaryOp.NEG, this);
    }

    public Tensor not() {
        return Elementwise.unary(UnaryOp.NOT, this);
    }

    public Tensor exp() {
        return Elementwise.unary(UnaryOp.EXP, this);
    }

    public Tensor log() {
        return Elementwise.unary(UnaryOp.LOG, this);
    }

    public Tensor sqrt() {
        return Elementwise.unary(UnaryOp.SQRT, this);
    }

    public Tensor abs() {
        return Elementwise.unary(UnaryOp.ABS, this);
    }

    public Tensor sin() {
        return Elementwise.unary(UnaryOp.SIN, this);
    }

    public Tensor cos() {
        return Elementwise.unary(UnaryOp.COS, this);
    }

    public Tensor tan() {
        return Elementwise.unary(UnaryOp.TAN, this);
    }

    public Tensor tanh() {
        return Elementwise.unary(UnaryOp.TANH, this);
    }

    public Tensor sigmoid() {
        return Elementwise.unary(UnaryOp.SIGMOID, this);
    }

    public Tensor relu() {
        return Elementwise.unary(UnaryOp.RELU, this);
    }

    public Tensor softplus() {
        return Elementwise.unary(UnaryOp.SOFTPLUS, this);
    }

    public Tensor sign() {
        return Elementwise.unary(UnaryOp.SIGN, this);
    }

    public Tensor floor() {
        return Elementwise.unary(UnaryOp.FLOOR, this);
    }

    public Tensor ceil() {
        return Elementwise.unary(UnaryOp.CEIL, this);
    }

    public Tensor round() {
        return Elementwise.unary(UnaryOp.ROUND, this);
    }

    public Tensor real() {
        return Elementwise.unary(UnaryOp.REAL, this);
    }

    public Tensor imag() {
        return Elementwise.unary(UnaryOp.IMAG, this);
    }

    public Tensor conj() {
        return Elementwise.unary(UnaryOp.CONJ, this);
    }

    public Tensor angle() {
        return Elementwise.unary(UnaryOp.ANGLE, this);
    }

    // ---------------------------------------------------------------- matmul, reductions

    /** The {@code @} operator. */
    public Tensor matmul(Tensor o) {
        return MatMul.matmul(this, o);
    }

    public Tensor sum() {
        return Reduce.sum(this);
    }

    public Tensor sum(int axis) {
        return Reduce.sum(this, axis, false);
    }

    public Tensor mean() {
        return Reduce.mean(this);
    }

    public Tensor mean(int axis) {
        return Reduce.mean(this, axis, false);
    }

    public Tensor var() {
        return Reduce.var(this, 0);
    }

    public Tensor var(int axis) {
        return Reduce.var(this, axis, 0, false);
    }

    public Tensor std() {
        return Reduce.std(this, 0);
    }

    public Tensor std(int axis) {
        return Reduce.std(this, axis, 0, false);
    }

    public Tensor min() {
        return Reduce.min(this);
    }

    public Tensor min(int axis) {
        return Reduce.min(this, axis, false);
    }

    public Tensor max() {
        return Reduce.max(this);
    }

    public Tensor max(int axis) {
        return Reduce.max(this, axis, false);
    }

    public Tensor argmin() {
        return Reduce.argmin(this);
    }

    public Tensor argmin(int axis) {
        return Reduce.argmin(this, axis);
    }

    public Tensor argmax() {
        return Reduce.argmax(this);
    }

    public Tensor argmax(int axis) {
        return Reduce.argmax(this, axis);
    }

    public Tensor prod() {
        return Reduce.prod(this);
    }

    public Tensor prod(int axis) {
        return Reduce.prod(this, axis, false);
    }

    public Tensor any() {
        return Reduce.any(this);
    }

    public Tensor any(int axis) {
        return Reduce.any(this, axis, false);
    }

    public Tensor all() {
        return Reduce.all(this);
    }

    public Tensor all(int axis) {
        return Reduce.all(this, axis, false);
    }

    public Tensor cumsum() {
        return Reduce.cumsum(this);
    }

    public Tensor cumsum(int axis) {
        return Reduce.cumsum(this, axis);
    }

    // ---------------------------------------------------------------- indexing

    /** numpy-style indexing; missing trailing indices mean "all". Always returns a copy. */
    public Tensor get(Index... indices) {
        return Indexer.get(this, indices);
    }

    /** Writes {@code value} (broadcast to the selection's shape) into the selected elements. */
    public void set(Index[] indices, Tensor value) {
        Indexer.set(this, indices, value);
    }

    public void set(Index[] indices, double value) {
        Indexer.set(this, indices, scalar(value));
    }

    // ---------------------------------------------------------------- equality (for tests/maps)

    /** Exact structural equality: shape, values (NaN equals NaN), complexness and bool flag. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tensor t)) return false;
        return isBool == t.isBool
                && Arrays.equals(shape, t.shape)
                && Arrays.equals(re, t.re)
                && Arrays.equals(im, t.im);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(re) + (im == null ? 0 : Arrays.hashCode(im));
    }
}
