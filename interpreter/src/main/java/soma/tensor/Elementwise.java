package soma.tensor;

/**
 * Applies {@link BinaryOp}s with numpy broadcasting, and {@link UnaryOp}s, to whole tensors.
 *
 * <p>Real inputs take fast paths (same shape, or one side a single value) with tight loops that
 * the JIT can vectorise; the four arithmetic operators get dedicated loops because a switch
 * inside the per-element call would block that. Everything else goes through the general
 * strided {@link Walker}. If either operand is complex the complex kernels are used and the
 * real one is read with a zero imaginary part.
 */
public final class Elementwise {
    private Elementwise() {}

    public static Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        boolean complex = a.im != null || b.im != null;
        if (complex && op.realOnly()) {
            throw new TensorException("operator " + op.symbol + " is not defined for complex tensors");
        }
        int[] shape = Shape.same(a.shape, b.shape) ? a.shape : Shape.broadcast(a.shape, b.shape);
        int n = Shape.size(shape);
        boolean bool = op.yieldsBool();
        if (!complex) {
            double[] out = new double[n];
            if (a.re.length == n && b.re.length == n) same(op, a.re, b.re, out);
            else if (b.re.length == 1) scalarRight(op, a.re, b.re[0], out);
            else if (a.re.length == 1) scalarLeft(op, a.re[0], b.re, out);
            else general(op, shape, a, b, out);
            return new Tensor(shape, out, null, bool);
        }
        double[] ai = a.im != null ? a.im : new double[a.re.length];
        double[] bi = b.im != null ? b.im : new double[b.re.length];
        double[] oR = new double[n];
        double[] oI = new double[n]; // ignored (dropped) for boolean-valued ops
        Walker w = new Walker(shape, Shape.broadcastStrides(a.shape, shape), Shape.broadcastStrides(b.shape, shape));
        for (int k = 0; k < n; k++, w.next()) {
            Complex.binary(op, a.re[w.ia], ai[w.ia], b.re[w.ib], bi[w.ib], oR, oI, k);
        }
        return new Tensor(shape, oR, bool ? null : oI, bool);
    }

    private static void same(BinaryOp op, double[] a, double[] b, double[] out) {
        int n = out.length;
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) out[i] = a[i] + b[i];
            }
            case SUB -> {
                for (int i = 0; i < n; i++) out[i] = a[i] - b[i];
            }
            case MUL -> {
                for (int i = 0; i < n; i++) out[i] = a[i] * b[i];
            }
            case DIV -> {
                for (int i = 0; i < n; i++) out[i] = a[i] / b[i];
            }
            default -> {
                for (int i = 0; i < n; i++) out[i] = op.apply(a[i], b[i]);
            }
        }
    }

    private static void scalarRight(BinaryOp op, double[] a, double b, double[] out) {
        int n = out.length;
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) out[i] = a[i] + b;
            }
            case SUB -> {
                for (int i = 0; i < n; i++) out[i] = a[i] - b;
            }
            case MUL -> {
                for (int i = 0; i < n; i++) out[i] = a[i] * b;
            }
            case DIV -> {
                for (int i = 0; i < n; i++) out[i] = a[i] / b;
            }
            default -> {
                for (int i = 0; i < n; i++) out[i] = op.apply(a[i], b);
            }
        }
    }

    private static void scalarLeft(BinaryOp op, double a, double[] b, double[] out) {
        int n = out.length;
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) out[i] = a + b[i];
            }
            case SUB -> {
                for (int i = 0; i < n; i++) out[i] = a - b[i];
            }
            case MUL -> {
                for (int i = 0; i < n; i++) out[i] = a * b[i];
            }
            case DIV -> {
                for (int i = 0; i < n; i++) out[i] = a / b[i];
            }
            default -> {
                for (int i = 0; i < n; i++) out[i] = op.apply(a, b[i]);
            }
        }
    }

    private static void general(BinaryOp op, int[] shape, Tensor a, Tensor b, double[] out) {
        Walker w = new Walker(shape, Shape.broadcastStrides(a.shape, shape), Shape.broadcastStrides(b.shape, shape));
        double[] ar = a.re, br = b.re;
        for (int k = 0; k < out.length; k++, w.next()) out[k] = op.apply(ar[w.ia], br[w.ib]);
    }

    public static Tensor unary(UnaryOp op, Tensor t) {
        int n = t.re.length;
        if (t.im == null) {
            if (op == UnaryOp.IMAG) return new Tensor(t.shape, new double[n]);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) out[i] = op.apply(t.re[i]);
            return new Tensor(t.shape, out, null, op == UnaryOp.NOT);
        }
        if (op.realOnly()) throw new TensorException(op.displayName() + " is not defined for complex tensors");
        boolean realOut = Complex.realResult(op);
        double[] oR = new double[n];
        double[] oI = realOut ? null : new double[n];
        for (int i = 0; i < n; i++) Complex.unary(op, t.re[i], t.im[i], oR, oI, i);
        return new Tensor(t.shape, oR, oI, op == UnaryOp.NOT);
    }
}
