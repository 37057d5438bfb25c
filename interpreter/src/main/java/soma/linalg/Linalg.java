package soma.linalg;

import soma.tensor.Tensor;
import soma.tensor.TensorException;

/**
 * Dense linear algebra on {@link Tensor} matrices: the entry point for Soma's builtins.
 *
 * <p>Conventions, shared by every method:
 * <ul>
 *   <li>Matrices are 2-D tensors; stacks of matrices (rank > 2) are not supported. Wrong ranks
 *       or shapes raise a {@link TensorException} whose message names the function and the
 *       shapes, e.g. "eig: expected a square matrix, got shape (3, 2)".</li>
 *   <li>A complex tensor whose imaginary part is all zero is treated as real (and takes the
 *       faster real path). Results are real unless complex numbers are needed.</li>
 *   <li>NaN or infinite entries are rejected up front rather than looping or returning
 *       garbage.</li>
 *   <li>Real work goes to EJML (ejml-ddense); complex LU and the non-symmetric eigenproblem
 *       are Soma's own ({@link ComplexLu}, {@link Eigen}, {@link ComplexSchur}).</li>
 * </ul>
 */
public final class Linalg {
    private Linalg() {}

    /** Eigenvalues (n,) and eigenvectors as the columns of an (n, n) matrix. */
    public record Eig(Tensor values, Tensor vectors) {}

    /** det = sign * exp(logabsdet); sign is -1, 0 or 1 (real) or a unit complex number. */
    public record SlogDet(Tensor sign, double logabsdet) {}

    /** a = u @ diag(s) @ vt, singular values s descending. */
    public record Svd(Tensor u, Tensor s, Tensor vt) {}

    /** a = q @ r, q with orthonormal columns, r upper triangular. */
    public record Qr(Tensor q, Tensor r) {}

    /**
     * Eigen-decomposition of a general square matrix: A v_k = lambda_k v_k for every k,
     * including complex-conjugate pairs of a real matrix (numpy's eig). Eigenvalues are in the
     * order the QR algorithm finds them (not sorted), conjugate pairs adjacent with the positive
     * imaginary part first. For real input the values are a real tensor when every eigenvalue
     * is exactly real, otherwise complex (and so are the vectors); for complex input both are
     * complex. Each eigenvector has unit 2-norm and its largest-modulus entry real and positive.
     */
    public static Eig eig(Tensor a) {
        return Eigen.eig(a);
    }

    /** The eigenvalues of {@link #eig}, same order and type; skips the Schur vectors (~1.6x faster at n = 500). */
    public static Tensor eigvals(Tensor a) {
        return Eigen.eigvals(a);
    }

    /**
     * Symmetric (or complex Hermitian) matrix: real eigenvalues ascending and orthonormal
     * eigenvectors as columns. Fails if the matrix is not symmetric to a relative 1e-10.
     */
    public static Eig eigh(Tensor a) {
        return Symmetric.eigh(a);
    }

    /** The eigenvalues of {@link #eigh}, ascending. */
    public static Tensor eigvalsh(Tensor a) {
        return Symmetric.eigh(a).values();
    }

    /** x with a @ x = b; b is a vector (n,) or a matrix (n, k); real or complex. */
    public static Tensor solve(Tensor a, Tensor b) {
        return Solve.solve(a, b);
    }

    public static Tensor inv(Tensor a) {
        return Solve.inv(a);
    }

    /** Determinant as a scalar tensor, complex for complex input. */
    public static Tensor det(Tensor a) {
        return Solve.det(a);
    }

    /** Sign and log|det|, for determinants that would overflow or underflow. */
    public static SlogDet slogdet(Tensor a) {
        double[] r = Solve.slogdet(a);
        Tensor sign = Double.isNaN(r[1]) ? Tensor.scalar(r[0]) : Tensor.complexScalar(r[0], r[1]);
        return new SlogDet(sign, r[2]);
    }

    /**
     * Singular value decomposition of an m x n real matrix, k = min(m, n). full = false: u is
     * (m, k) and vt (k, n); full = true: u is (m, m) and vt (n, n). s (k,) is descending.
     */
    public static Svd svd(Tensor a, boolean full) {
        return Decompositions.svd(a, full);
    }

    /** Singular values (descending) only; complex matrices allowed. */
    public static Tensor svdvals(Tensor a) {
        return Tensor.vector(Decompositions.singularValues(a, "svdvals"));
    }

    /** Reduced QR of a real m x n matrix: q (m, k), r (k, n), k = min(m, n). */
    public static Qr qr(Tensor a) {
        return Decompositions.qr(a);
    }

    /** Lower-triangular L with a = L @ L^T for a real symmetric positive definite a. */
    public static Tensor cholesky(Tensor a) {
        return Decompositions.cholesky(a);
    }

    /** exp(a) for a real or complex square matrix (Higham 2005 scaling and squaring). */
    public static Tensor expm(Tensor a) {
        return Expm.expm(a);
    }

    /** norm(t, null): Frobenius for matrices, 2-norm for vectors. */
    public static double norm(Tensor t) {
        return Norms.norm(t, null);
    }

    /**
     * Vector orders: "2", "1", "inf", "-inf", "0", or a number p. Matrix orders: "fro", "nuc",
     * "2" (largest singular value), "-2", "1" (largest column sum), "-1", "inf" (largest row
     * sum), "-inf". A null order means the 2-norm of all entries.
     */
    public static double norm(Tensor t, String ord) {
        return Norms.norm(t, ord);
    }

    /** Sum of the diagonal (any 2-D shape). */
    public static Tensor trace(Tensor a) {
        return Norms.trace(a);
    }

    /** Number of singular values above s_max * max(m, n) * eps (numpy's default tolerance). */
    public static int matrixRank(Tensor a) {
        return Decompositions.matrixRank(a);
    }

    /** Minimum-norm least-squares solution of a @ x = b (real), via the SVD. */
    public static Tensor lstsq(Tensor a, Tensor b) {
        return Decompositions.lstsq(a, b);
    }

    /** Spectral radius max |lambda|, a common question about a connectivity matrix. */
    public static double spectralRadius(Tensor a) {
        Tensor w = eigvals(a);
        double r = 0;
        for (int i = 0; i < w.size(); i++) r = Math.max(r, Math.hypot(w.get(i), w.getImag(i)));
        return r;
    }
}
