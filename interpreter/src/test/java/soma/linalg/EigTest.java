package soma.linalg;

import static org.junit.jupiter.api.Assertions.*;
import static soma.linalg.Check.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import soma.random.Rng;
import soma.tensor.Tensor;
import soma.tensor.TensorException;

class EigTest {
    @Test
    void rotationHasEigenvaluesOnTheUnitCircle() {
        for (double theta : new double[] {0.3, 1.0, 2.5, -0.7}) {
            double c = Math.cos(theta), s = Math.sin(theta);
            Tensor a = m(new double[][] {{c, -s}, {s, c}});
            Linalg.Eig e = Linalg.eig(a);
            assertTrue(e.values().isComplex());
            // conjugate pair, positive imaginary part first
            double im = Math.abs(s);
            assertEquals(c, e.values().get(0), 1e-15);
            assertEquals(im, e.values().getImag(0), 1e-15);
            assertEquals(c, e.values().get(1), 1e-15);
            assertEquals(-im, e.values().getImag(1), 1e-15);
            assertTrue(eigResidual(a, e) < 1e-14);
            // the eigenvectors of a rotation are (1, -+i)/sqrt 2 up to phase: |entries| = 1/sqrt 2
            for (int i = 0; i < 4; i++) {
                assertEquals(
                        Math.sqrt(0.5),
                        Math.hypot(e.vectors().get(i), e.vectors().getImag(i)),
                        1e-14);
            }
        }
    }

    @Test
    void triangularMatrixHasItsDiagonalAsEigenvalues() {
        Tensor a = m(new double[][] {{2, 1, -3, 4}, {0, -1, 5, 2}, {0, 0, 7, 1}, {0, 0, 0, 0.5}});
        Linalg.Eig e = Linalg.eig(a);
        assertFalse(e.values().isComplex(), "real spectrum gives a real tensor");
        assertFalse(e.vectors().isComplex());
        sameSpectrum(new double[][] {{2, 0}, {-1, 0}, {7, 0}, {0.5, 0}}, e.values(), 1e-13);
        assertTrue(eigResidual(a, e) < 1e-13);
        // lower triangular too
        sameSpectrum(new double[][] {{2, 0}, {-1, 0}, {7, 0}, {0.5, 0}}, Linalg.eigvals(a.transpose()), 1e-13);
    }

    /** Companion matrix of x^n + c[0] x^(n-1) + ... + c[n-1] (numpy roots' construction). */
    private static Tensor companion(double... c) {
        int n = c.length;
        double[][] r = new double[n][n];
        for (int j = 0; j < n; j++) r[0][j] = -c[j];
        for (int i = 1; i < n; i++) r[i][i - 1] = 1;
        return m(r);
    }

    @Test
    void companionMatrixEigenvaluesAreThePolynomialRoots() {
        // (x-1)(x-2)(x-3)(x-4)(x-5)
        Tensor a = companion(-15, 85, -225, 274, -120);
        sameSpectrum(new double[][] {{1, 0}, {2, 0}, {3, 0}, {4, 0}, {5, 0}}, Linalg.eigvals(a), 1e-9);
        assertTrue(eigResidual(a, Linalg.eig(a)) < 1e-9);
        // (x^2 + 1)(x - 2)(x^2 + 2x + 5): roots +-i, 2, -1 +- 2i (coefficients expanded below)
        double[] p = polyFromRoots(new double[][] {{0, 1}, {0, -1}, {2, 0}, {-1, 2}, {-1, -2}});
        Tensor b = companion(p);
        Linalg.Eig e = Linalg.eig(b);
        sameSpectrum(new double[][] {{0, 1}, {0, -1}, {2, 0}, {-1, 2}, {-1, -2}}, e.values(), 1e-12);
        assertTrue(eigResidual(b, e) < 1e-12);
    }

    /** Monic polynomial coefficients (after the leading 1) from roots closed under conjugation. */
    private static double[] polyFromRoots(double[][] roots) {
        double[] cr = {1}, ci = {0};
        for (double[] r : roots) {
            double[] nr = new double[cr.length + 1], ni = new double[cr.length + 1];
            for (int k = 0; k < cr.length; k++) {
                nr[k] += cr[k];
                ni[k] += ci[k];
                nr[k + 1] -= r[0] * cr[k] - r[1] * ci[k];
                ni[k + 1] -= r[0] * ci[k] + r[1] * cr[k];
            }
            cr = nr;
            ci = ni;
        }
        for (double v : ci) assertEquals(0, v, 1e-12);
        return Arrays.copyOfRange(cr, 1, cr.length);
    }

    @Test
    void randomMatrixSatisfiesAVEqualsVLambdaForEveryPair() {
        Rng rng = new Rng(42);
        for (int n : new int[] {1, 2, 3, 7, 50, 150}) {
            Tensor a = rng.randn(n, n);
            Linalg.Eig e = Linalg.eig(a);
            assertArrayEquals(new int[] {n}, e.values().shape());
            assertArrayEquals(new int[] {n, n}, e.vectors().shape());
            assertTrue(eigResidual(a, e) < 1e-10, "n=" + n + " residual " + eigResidual(a, e));
            int complexCount = 0;
            for (int k = 0; k < n; k++) {
                if (e.values().getImag(k) != 0) complexCount++;
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    norm += Math.pow(e.vectors().get(i * n + k), 2)
                            + Math.pow(e.vectors().getImag(i * n + k), 2);
                }
                assertEquals(1, norm, 1e-12, "unit eigenvector " + k);
            }
            if (n >= 50) assertTrue(complexCount > 0, "a random real matrix has complex pairs");
            close(e.values(), Linalg.eigvals(a), 1e-12);
        }
    }

    @Test
    void similarityTransformOfKnownSpectrumRecoversIt() {
        // A = S D S^-1 with D block-diagonal: rotation-scaling blocks [[a, -b], [b, a]] (eigenvalues
        // a +- ib) and real entries; S random, so A is diagonalisable but far from normal.
        double[][] pairs = {{0.5, 2}, {-1, 0.25}, {0.9, 1.3}};
        double[] reals = {3, -2, 0.1};
        int n = 2 * pairs.length + reals.length;
        Tensor d = Tensor.zeros(n, n);
        double[] dd = d.realData();
        double[][] expected = new double[n][];
        int e = 0;
        for (int i = 0; i < pairs.length; i++) {
            int k = 2 * i;
            double a = pairs[i][0], b = pairs[i][1];
            dd[k * n + k] = a;
            dd[k * n + k + 1] = -b;
            dd[(k + 1) * n + k] = b;
            dd[(k + 1) * n + k + 1] = a;
            expected[e++] = new double[] {a, b};
            expected[e++] = new double[] {a, -b};
        }
        for (int i = 0; i < reals.length; i++) {
            int k = 2 * pairs.length + i;
            dd[k * n + k] = reals[i];
            expected[e++] = new double[] {reals[i], 0};
        }
        Tensor s = new Rng(77).randn(n, n);
        Tensor a = s.matmul(d).matmul(Linalg.inv(s));
        Linalg.Eig eig = Linalg.eig(a);
        sameSpectrum(expected, eig.values(), 1e-10);
        assertTrue(eigResidual(a, eig) < 1e-10, "residual " + eigResidual(a, eig));
        assertEquals(3, Linalg.spectralRadius(a), 1e-10);
    }

    @Test
    void conjugatePairsHaveConjugateVectors() {
        Tensor a = new Rng(3).randn(20, 20);
        Linalg.Eig e = Linalg.eig(a);
        Tensor w = e.values(), v = e.vectors();
        for (int k = 0; k < 20; k++) {
            if (w.getImag(k) <= 0) continue;
            assertEquals(w.get(k), w.get(k + 1), 0);
            assertEquals(-w.getImag(k), w.getImag(k + 1), 0);
            for (int i = 0; i < 20; i++) {
                assertEquals(v.get(i * 20 + k), v.get(i * 20 + k + 1), 0);
                assertEquals(-v.getImag(i * 20 + k), v.getImag(i * 20 + k + 1), 0);
            }
        }
    }

    @Test
    void badlyScaledMatrixIsBalanced() {
        // D A D^-1 has A's eigenvalues; D spans 1e-6 .. 1e6.
        Tensor a = new Rng(5).randn(6, 6);
        double[] d = {1e-6, 1e-3, 1, 1, 1e3, 1e6};
        double[] s = a.realData().clone();
        for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) s[i * 6 + j] *= d[i] / d[j];
        Tensor b = new Tensor(new int[] {6, 6}, s);
        close(Linalg.eigvals(a), Linalg.eigvals(b), 1e-12);
        Linalg.Eig e = Linalg.eig(b);
        // backward-stable: the residual is rounding-sized relative to the matrix (norm ~1e12)
        assertTrue(
                eigResidual(b, e) < 1e-14 * Linalg.norm(b),
                "residual " + eigResidual(b, e) + " norm " + Linalg.norm(b));
    }

    @Test
    void cyclicPermutationHasTheRootsOfUnity() {
        // a classic stall case for the unshifted/standard-shift QR, cured by exceptional shifts
        int n = 7;
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) p[(i + 1) % n][i] = 1;
        double[][] roots = new double[n][];
        for (int k = 0; k < n; k++)
            roots[k] = new double[] {Math.cos(2 * Math.PI * k / n), Math.sin(2 * Math.PI * k / n)};
        Tensor a = m(p);
        Linalg.Eig e = Linalg.eig(a);
        sameSpectrum(roots, e.values(), 1e-13);
        assertTrue(eigResidual(a, e) < 1e-13);
    }

    @Test
    void errorsNameTheFunctionAndShape() {
        TensorException ex = assertThrows(TensorException.class, () -> Linalg.eig(Tensor.zeros(3, 2)));
        assertEquals("eig: expected a square matrix, got shape (3, 2)", ex.getMessage());
        ex = assertThrows(TensorException.class, () -> Linalg.eigvals(Tensor.zeros(4)));
        assertEquals("eigvals: expected a square matrix, got shape (4,)", ex.getMessage());
        Tensor nan = m(new double[][] {{1, Double.NaN}, {0, 1}});
        ex = assertThrows(TensorException.class, () -> Linalg.eig(nan));
        assertEquals("eig: matrix contains NaN or infinity", ex.getMessage());
    }
}
