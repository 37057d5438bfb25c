package soma.linalg;

import static org.junit.jupiter.api.Assertions.*;
import static soma.linalg.Check.*;

import org.junit.jupiter.api.Test;
import soma.random.Rng;
import soma.tensor.Tensor;

/** eig on complex input and on the awkward cases: defective, zero, empty, extreme scales. */
class EigEdgeCasesTest {
    @Test
    void defectiveAndDegenerateMatrices() {
        Tensor jordan = m(new double[][] {{1, 1}, {0, 1}});
        Linalg.Eig e = Linalg.eig(jordan);
        close(Tensor.vector(1, 1), e.values(), 0);
        assertTrue(eigResidual(jordan, e) < 1e-15);
        Tensor zero = Tensor.zeros(3, 3);
        e = Linalg.eig(zero);
        close(Tensor.zeros(3), e.values(), 0);
        close(Tensor.eye(3), e.vectors(), 0);
        e = Linalg.eig(Tensor.eye(4).mul(2.5));
        close(Tensor.full(2.5, 4), e.values(), 0);
        close(Tensor.eye(4), e.vectors(), 0);
        Tensor one = m(new double[][] {{-3}});
        e = Linalg.eig(one);
        close(Tensor.vector(-3), e.values(), 0);
        close(m(new double[][] {{1}}), e.vectors(), 0);
        e = Linalg.eig(Tensor.zeros(0, 0));
        assertEquals(0, e.values().size());
    }

    @Test
    void extremeScalesAndDefectiveMatricesStayFinite() {
        Tensor base = new Rng(6).randn(10, 10);
        Tensor w = Linalg.eigvals(base);
        for (double scale : new double[] {1e-200, 1e200}) {
            Tensor a = base.mul(scale);
            Linalg.Eig e = Linalg.eig(a);
            close(w, e.values().div(scale), 1e-12);
            assertTrue(eigResidual(a, e) < 1e-12 * scale, "scale " + scale);
            Tensor ac = new Tensor(a.shape(), a.realData(), new double[100], false);
            ac.imagData()[3] = 1e-30 * scale; // genuinely complex, so the complex solver runs
            assertTrue(eigResidual(ac, Linalg.eig(ac)) < 1e-12 * scale, "complex, scale " + scale);
        }
        // the nilpotent shift matrix: one eigenvalue 0 of multiplicity 40 with one eigenvector
        int n = 40;
        Tensor shift = Tensor.zeros(n, n);
        for (int i = 1; i < n; i++) shift.realData()[i * n + i - 1] = 1;
        Tensor cshift = new Tensor(shift.shape(), shift.realData(), new double[n * n], false);
        cshift.imagData()[n * n - 1] = 1e-300;
        for (Tensor a : new Tensor[] {shift, cshift}) {
            Linalg.Eig e = Linalg.eig(a);
            for (int i = 0; i < e.vectors().size(); i++)
                assertTrue(Double.isFinite(e.vectors().get(i))
                        && Double.isFinite(e.vectors().getImag(i)));
            assertTrue(eigResidual(a, e) < 1e-13);
        }
    }

    @Test
    void realMatrixStoredAsComplexTakesTheRealPath() {
        Tensor a = m(new double[][] {{0, -2}, {2, 0}});
        Tensor ac = new Tensor(new int[] {2, 2}, a.realData(), new double[4], false);
        close(Linalg.eigvals(a), Linalg.eigvals(ac), 0);
        close(
                Tensor.vector(0, 0).add(new Tensor(new int[] {2}, new double[2], new double[] {2, -2}, false)),
                Linalg.eigvals(ac),
                1e-15);
    }

    @Test
    void complexMatrices() {
        Rng rng = new Rng(11);
        for (int n : new int[] {1, 2, 5, 40}) {
            Tensor a = complexRandn(rng, n, n);
            Linalg.Eig e = Linalg.eig(a);
            assertTrue(eigResidual(a, e) < 1e-10, "n=" + n + " residual " + eigResidual(a, e));
            close(e.values(), Linalg.eigvals(a), 1e-9);
        }
        // diag(i, 2 - i) conjugated by an upper triangular similarity keeps its spectrum
        Tensor t = c(
                new double[][] {{0, 1, 3}, {0, 2, -1}, {0, 0, 5}}, new double[][] {{1, 2, 0}, {0, -1, 1}, {0, 0, 0.5}});
        sameSpectrum(new double[][] {{0, 1}, {2, -1}, {5, 0.5}}, Linalg.eigvals(t), 1e-13);
        assertTrue(eigResidual(t, Linalg.eig(t)) < 1e-13);
    }
}
