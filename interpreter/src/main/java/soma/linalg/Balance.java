package soma.linalg;

import java.util.Arrays;

/**
 * Diagonal balancing A' = D^-1 A D before the eigenvalue iteration (the scaling half of LAPACK's
 * dgebal, after Parlett and Reinsch 1969, in the form of EISPACK's balanc).
 *
 * <p>Why: the QR algorithm's errors are relative to the norm of the matrix, so a matrix whose
 * rows and columns differ wildly in size (companion matrices, models mixing fast and slow
 * time scales) gets inaccurate small eigenvalues. Making each row and column comparable in
 * norm shrinks the norm without changing the eigenvalues. D holds powers of two, so the
 * scaling itself is exact. Eigenvectors of A are D times those of A'.
 */
final class Balance {
    private Balance() {}

    private static final double RADIX = 2.0;

    /** Balances {@code a} (n x n, row-major) in place; returns the diagonal of D. */
    static double[] balance(double[] a, int n) {
        double[] scale = new double[n];
        Arrays.fill(scale, 1.0);
        double sqrdx = RADIX * RADIX;
        boolean done = false;
        for (int sweep = 0; !done && sweep < 100; sweep++) { // converges in a few sweeps; cap for safety
            done = true;
            for (int i = 0; i < n; i++) {
                double c = 0, r = 0;
                for (int j = 0; j < n; j++) {
                    if (j == i) continue;
                    c += Math.abs(a[j * n + i]);
                    r += Math.abs(a[i * n + j]);
                }
                if (c == 0 || r == 0) continue;
                double g = r / RADIX, f = 1, s = c + r;
                while (c < g) {
                    f *= RADIX;
                    c *= sqrdx;
                }
                g = r * RADIX;
                while (c > g) {
                    f /= RADIX;
                    c /= sqrdx;
                }
                if ((c + r) / f < 0.95 * s) { // worth it: the row+column norm drops by 5% or more
                    done = false;
                    scale[i] *= f;
                    double inv = 1 / f;
                    for (int j = 0; j < n; j++) a[i * n + j] *= inv;
                    for (int j = 0; j < n; j++) a[j * n + i] *= f;
                }
            }
        }
        return scale;
    }
}
