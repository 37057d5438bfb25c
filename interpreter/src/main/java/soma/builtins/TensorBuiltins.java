package soma.builtins;

import java.util.ArrayList;
import java.util.List;
import soma.autodiff.Ops;
import soma.runtime.Nil;
import soma.runtime.SomaError;
import soma.runtime.TensorHooks;
import soma.runtime.TensorValues;
import soma.tensor.BinaryOp;
import soma.tensor.Tensor;
import soma.tensor.TensorFields;

/** Building and reshaping tensors, reductions that are not list functions, complex parts, masks. */
final class TensorBuiltins {
    private TensorBuiltins() {}

    static void register(Builtins r) {
        r.def(
                "tensor(x)",
                "a tensor from a number, a (nested) list of numbers, a list of tensors or a range",
                a -> Ops.containsTracked(a.get("x"))
                        ? Ops.stack(a.list("x").items)
                        : TensorHooks.toTensor(a.get("x"), "tensor").copy());
        r.def(
                "zeros(...shape)",
                "tensor of zeros, e.g. zeros(3, 4) or zeros(W.shape)",
                a -> Tensor.zeros(Shapes.of(a, "shape", "zeros")));
        r.def("ones(...shape)", "tensor of ones", a -> Tensor.ones(Shapes.of(a, "shape", "ones")));
        r.def(
                "full(shape, value)",
                "tensor of one repeated value",
                a -> Tensor.full(a.num("value"), Shapes.dims(a.get("shape"), "full")));
        r.def(
                "eye(n, m = nil)",
                "identity matrix (n x n, or n x m)",
                a -> Tensor.eye(a.integer("n"), a.given("m") ? a.integer("m") : a.integer("n")));
        r.def("diag(x)", "vector -> diagonal matrix; matrix -> its diagonal", a -> Tensor.diag(tensor(a, "x")));
        r.def(
                "linspace(a, b, n = 50)",
                "n evenly spaced points from a to b inclusive",
                a -> Tensor.linspace(a.num("a"), a.num("b"), a.integer("n")));
        r.def(
                "arange(start, stop = nil, step = 1)",
                "arange(n) = [0, 1, ..., n-1]; arange(a, b, step): a, a+step, ... below b",
                a -> a.given("stop")
                        ? Tensor.arange(a.num("start"), a.num("stop"), a.num("step"))
                        : Tensor.arange(0, a.num("start"), a.num("step")));
        r.def(
                "stack(xs, axis = 0)",
                "join equally shaped tensors along a new axis",
                a -> Tensor.stack(tensors(a, "xs"), a.integer("axis")));
        r.def(
                "concat(xs, axis = 0)",
                "join tensors along an existing axis",
                a -> Tensor.concat(tensors(a, "xs"), a.integer("axis")));
        r.def(
                "reshape(x, ...shape)",
                "same elements, new shape (one dimension may be -1)",
                a -> tensor(a, "x").reshape(Shapes.of(a, "shape", "reshape")));
        r.def(
                "flatten(x)",
                "the elements as a vector, row by row",
                a -> tensor(a, "x").flatten());
        r.def("transpose(x, ...axes)", "reversed axes (matrix transpose), or the given axis order", a -> {
            int[] axes = Shapes.of(a, "axes", "transpose");
            return axes.length == 0
                    ? tensor(a, "x").transpose()
                    : tensor(a, "x").transpose(axes);
        });
        r.def(
                "shape(x)",
                "dimensions of a tensor, as a list",
                a -> TensorValues.shapeList(tensor(a, "x").shape()));
        r.def("copy(x)", "an independent copy of a tensor", a -> tensor(a, "x").copy());
        r.def("outer(x, y)", "outer product x[i] * y[j]", a -> {
            Tensor x = tensor(a, "x").flatten();
            Tensor y = tensor(a, "y").flatten();
            return x.reshape(x.size(), 1).mul(y.reshape(1, y.size()));
        });

        r.def(
                "mean(x, axis = nil)",
                "average of a tensor or list (along axis)",
                a -> TensorHooks.reduce("mean", a.get("x"), a.get("axis")));
        r.def(
                "prod(x, axis = nil)",
                "product of the elements (along axis)",
                a -> TensorHooks.reduce("prod", a.get("x"), a.get("axis")));
        r.def(
                "argmin(x, axis = nil)",
                "position of the smallest element (flat, or along axis)",
                a -> TensorHooks.reduce("argmin", a.get("x"), a.get("axis")));
        r.def(
                "argmax(x, axis = nil)",
                "position of the largest element (flat, or along axis)",
                a -> TensorHooks.reduce("argmax", a.get("x"), a.get("axis")));
        r.def(
                "cumsum(x, axis = nil)",
                "running sum (of the flattened tensor, or along axis)",
                a -> TensorHooks.reduce("cumsum", a.get("x"), a.get("axis")));
        r.def(
                "any(x, axis = nil)",
                "true if any element is true (non-zero)",
                a -> TensorHooks.reduce("any", a.get("x"), a.get("axis")));
        r.def(
                "all(x, axis = nil)",
                "true if every element is true (non-zero)",
                a -> TensorHooks.reduce("all", a.get("x"), a.get("axis")));
        r.def(
                "var(x, axis = nil, ddof = 0)",
                "variance (ddof = 1 for the unbiased sample variance)",
                a -> TensorHooks.spread("var", a.get("x"), a.get("axis"), a.integer("ddof")));
        r.def(
                "std(x, axis = nil, ddof = 0)",
                "standard deviation (ddof = 1 for the sample estimate)",
                a -> TensorHooks.spread("std", a.get("x"), a.get("axis"), a.integer("ddof")));
        r.def(
                "cov(x, ddof = 1)",
                "covariance matrix of the columns of an (n x d) sample matrix (rows are samples)",
                a -> {
                    double[][] rows = Numbers.matrix(a.get("x"), "cov: x");
                    int n = rows.length, d = n == 0 ? 0 : rows[0].length, ddof = a.integer("ddof");
                    if (n - ddof <= 0) throw a.error("needs more than " + ddof + " rows, got " + n);
                    double[] mean = new double[d], c = new double[d * d];
                    for (double[] row : rows) for (int j = 0; j < d; j++) mean[j] += row[j] / n;
                    for (double[] row : rows) {
                        for (int i = 0; i < d; i++)
                            for (int j = 0; j < d; j++) c[i * d + j] += (row[i] - mean[i]) * (row[j] - mean[j]);
                    }
                    for (int k = 0; k < c.length; k++) c[k] /= n - ddof;
                    return new Tensor(new int[] {d, d}, c);
                });

        r.def("complex(re, im = 0)", "complex number or tensor re + i im", a -> {
            Tensor re = tensor(a, "re");
            Tensor im = TensorHooks.toTensor(a.get("im"), "complex: im");
            Tensor shape = re.add(im).mul(0.0);
            Tensor rb = re.add(shape);
            Tensor ib = im.add(shape);
            return TensorFields.unwrap(
                    new Tensor(rb.shape(), rb.realData().clone(), ib.realData().clone(), false));
        });
        r.def("re(x)", "real part", a -> TensorFields.unwrap(tensor(a, "x").real()));
        r.def("im(x)", "imaginary part", a -> TensorFields.unwrap(tensor(a, "x").imag()));
        r.def(
                "conj(x)",
                "complex conjugate",
                a -> TensorFields.unwrap(tensor(a, "x").conj()));
        r.def(
                "angle(x)",
                "argument (phase) of complex numbers, in radians",
                a -> TensorFields.unwrap(tensor(a, "x").angle()));
        r.def(
                "pow(x, y)",
                "x to the power y, elementwise",
                a -> TensorFields.unwrap(tensor(a, "x").pow(TensorHooks.toTensor(a.get("y"), "pow: y"))));

        r.def("where(mask, x, y)", "x where mask is true, y elsewhere (broadcast)", a -> {
            Tensor m = tensor(a, "mask");
            Tensor x = TensorHooks.toTensor(a.get("x"), "where: x");
            Tensor y = TensorHooks.toTensor(a.get("y"), "where: y");
            Tensor zero = Tensor.zeros(m.add(x.real()).add(y.real()).shape());
            return TensorFields.unwrap(select(m.ne(0.0).add(zero), x.add(zero), y.add(zero)));
        });
        r.def(
                "logical_and(x, y)",
                "elementwise and of masks",
                a -> TensorHooks.logical(BinaryOp.AND, a.get("x"), a.get("y")));
        r.def(
                "logical_or(x, y)",
                "elementwise or of masks",
                a -> TensorHooks.logical(BinaryOp.OR, a.get("x"), a.get("y")));
        r.def(
                "logical_not(x)",
                "elementwise not of a mask",
                a -> TensorFields.unwrap(tensor(a, "x").not()));
        r.def("count(mask)", "number of true (non-zero) elements", a -> (double) countNonZero(tensor(a, "mask")));
        r.def(
                "allclose(x, y, rtol = 1e-5, atol = 1e-8)",
                "true if |x - y| <= atol + rtol |y| everywhere (numpy allclose)",
                a -> {
                    Tensor x = tensor(a, "x");
                    Tensor y = TensorHooks.toTensor(a.get("y"), "allclose: y");
                    Tensor bound = y.abs().mul(a.num("rtol")).add(a.num("atol"));
                    return countNonZero(x.sub(y).abs().le(bound).not()) == 0;
                });
    }

    static Tensor tensor(Args a, String parameter) {
        if (a.get(parameter) == Nil.INSTANCE) throw a.wrongType(parameter, "tensor");
        return TensorHooks.toTensor(a.get(parameter), a.name() + ": '" + parameter + "'");
    }

    private static List<Tensor> tensors(Args a, String parameter) {
        List<Tensor> out = new ArrayList<>();
        for (Object o : a.list(parameter).items) out.add(TensorHooks.toTensor(o, a.name()));
        if (out.isEmpty()) throw new SomaError(a.name() + ": needs at least one tensor");
        return out;
    }

    /** Elementwise choice between equally shaped tensors (0 * inf would poison an arithmetic blend). */
    private static Tensor select(Tensor mask, Tensor x, Tensor y) {
        double[] m = mask.realData();
        boolean complex = x.isComplex() || y.isComplex();
        double[] re = new double[m.length];
        double[] im = complex ? new double[m.length] : null;
        for (int k = 0; k < m.length; k++) {
            Tensor from = m[k] != 0 ? x : y;
            re[k] = from.realData()[k];
            if (complex) im[k] = from.getImag(k);
        }
        return new Tensor(mask.shape(), re, im, false);
    }

    private static int countNonZero(Tensor t) {
        int n = 0;
        double[] re = t.realData();
        double[] im = t.imagData();
        for (int k = 0; k < re.length; k++) if (re[k] != 0 || (im != null && im[k] != 0)) n++;
        return n;
    }
}
