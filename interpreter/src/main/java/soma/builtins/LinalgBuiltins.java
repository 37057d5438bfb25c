package soma.builtins;

import soma.linalg.Linalg;
import soma.runtime.Printer;
import soma.runtime.SomaRecord;
import soma.tensor.Tensor;
import soma.tensor.TensorFields;

/** Dense linear algebra (EJML underneath, complex parts hand-written): see soma.linalg. */
final class LinalgBuiltins {
    private LinalgBuiltins() {}

    static void register(Builtins r) {
        r.def(
                "eig(a, vectors = false)",
                "eigenvalues of a square matrix (complex when needed); with vectors: true, "
                        + "a record {values, vectors} with unit eigenvectors as columns",
                a -> {
                    Tensor m = TensorBuiltins.tensor(a, "a");
                    if (!a.bool("vectors")) return Linalg.eigvals(m);
                    Linalg.Eig e = Linalg.eig(m);
                    return pair("values", e.values(), "vectors", e.vectors());
                });
        r.def(
                "eigh(a, vectors = false)",
                "eigenvalues (ascending) of a symmetric matrix; with vectors: true, {values, vectors}",
                a -> {
                    Tensor m = TensorBuiltins.tensor(a, "a");
                    if (!a.bool("vectors")) return Linalg.eigvalsh(m);
                    Linalg.Eig e = Linalg.eigh(m);
                    return pair("values", e.values(), "vectors", e.vectors());
                });
        r.def(
                "spectral_radius(a)",
                "largest |eigenvalue| of a square matrix",
                a -> Linalg.spectralRadius(TensorBuiltins.tensor(a, "a")));
        r.def(
                "solve(a, b)",
                "x with a @ x = b (b a vector or a matrix)",
                a -> Linalg.solve(TensorBuiltins.tensor(a, "a"), TensorBuiltins.tensor(a, "b")));
        r.def("inv(a)", "inverse of a square matrix", a -> Linalg.inv(TensorBuiltins.tensor(a, "a")));
        r.def(
                "det(a)",
                "determinant of a square matrix",
                a -> TensorFields.unwrap(Linalg.det(TensorBuiltins.tensor(a, "a"))));
        r.def("slogdet(a)", "{sign, logabsdet}: the determinant as sign * exp(logabsdet), without overflow", a -> {
            Linalg.SlogDet s = Linalg.slogdet(TensorBuiltins.tensor(a, "a"));
            return pair("sign", TensorFields.unwrap(s.sign()), "logabsdet", s.logabsdet());
        });
        r.def("svd(a, full = false)", "{u, s, vt} with a = u @ diag(s) @ vt", a -> {
            Linalg.Svd s = Linalg.svd(TensorBuiltins.tensor(a, "a"), a.bool("full"));
            SomaRecord out = pair("u", s.u(), "s", s.s());
            out.put("vt", s.vt());
            return out;
        });
        r.def("qr(a)", "{q, r}: orthonormal columns q and upper-triangular r with a = q @ r", a -> {
            Linalg.Qr q = Linalg.qr(TensorBuiltins.tensor(a, "a"));
            return pair("q", q.q(), "r", q.r());
        });
        r.def(
                "cholesky(a)",
                "lower-triangular l with a = l @ l.T (a symmetric positive definite)",
                a -> Linalg.cholesky(TensorBuiltins.tensor(a, "a")));
        r.def(
                "expm(a)",
                "matrix exponential e^a (the solution operator of dx/dt = a x)",
                a -> Linalg.expm(TensorBuiltins.tensor(a, "a")));
        r.def(
                "norm(x, ord = nil)",
                "vector 2-norm or matrix Frobenius norm; ord: \"fro\", \"2\", \"1\", \"inf\", \"nuc\"",
                a -> a.given("ord")
                        ? Linalg.norm(TensorBuiltins.tensor(a, "x"), Printer.show(a.get("ord")))
                        : Linalg.norm(TensorBuiltins.tensor(a, "x")));
        r.def("trace(a)", "sum of the diagonal", a -> TensorFields.unwrap(Linalg.trace(TensorBuiltins.tensor(a, "a"))));
        r.def("matrix_rank(a)", "numerical rank (singular values above a tolerance)", a ->
                (double) Linalg.matrixRank(TensorBuiltins.tensor(a, "a")));
        r.def(
                "lstsq(a, b)",
                "least-squares solution x minimising |a @ x - b|",
                a -> Linalg.lstsq(TensorBuiltins.tensor(a, "a"), TensorBuiltins.tensor(a, "b")));
    }

    private static SomaRecord pair(String k1, Object v1, String k2, Object v2) {
        SomaRecord out = new SomaRecord();
        out.put(k1, v1);
        out.put(k2, v2);
        return out;
    }
}
