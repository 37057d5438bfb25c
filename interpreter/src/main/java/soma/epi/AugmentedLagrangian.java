package soma.epi;

/**
 * The augmented-Lagrangian state of EPI (../shared/spec/epi.md): multipliers eta, penalty c, and
 * the constraint violation of the previous epoch. L(theta) = -H + eta . R + (c / 2) |R|^2.
 */
public final class AugmentedLagrangian {
    public final double[] eta;
    public double c;
    double[] previous;
    final double beta, gamma;

    public AugmentedLagrangian(int m, double c0, double beta, double gamma) {
        this.eta = new double[m];
        this.c = c0;
        this.beta = beta;
        this.gamma = gamma;
    }

    /** After an epoch, from R on a fresh batch: eta <- eta + c R; c <- beta c if |R| > gamma |R_old|. */
    public void update(double[] r) {
        for (int i = 0; i < eta.length; i++) eta[i] += c * r[i];
        if (previous != null && norm(r) > gamma * norm(previous)) c *= beta;
        previous = r.clone();
    }

    /**
     * Weights on each sample's dT_i/dz for the gradient of eta . R + (c/2) |R|^2 over a batch of n:
     * eta_i / n, plus the penalty's unbiased two-half-batch estimate: samples of half a get
     * (c/2) R_b,i / n_a and samples of half b get (c/2) R_a,i / n_b, so that the expectation is
     * c (dR)^T R with independent halves.
     */
    public double[] weights(double[] t, double[] mu, int n) {
        int m = eta.length, na = n / 2;
        double[] ra = mean(t, 0, na, m, mu), rb = mean(t, na, n, m, mu);
        double[] w = new double[n * m];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < m; i++) {
                w[s * m + i] = eta[i] / n + (s < na ? c / 2 * rb[i] / na : c / 2 * ra[i] / (n - na));
            }
        }
        return w;
    }

    /** The loss estimate -H + eta . R + (c/2) R_a . R_b for a batch. */
    public double loss(double entropy, double[] t, double[] mu, int n) {
        int m = eta.length, na = n / 2;
        double[] r = mean(t, 0, n, m, mu), ra = mean(t, 0, na, m, mu), rb = mean(t, na, n, m, mu);
        double l = -entropy;
        for (int i = 0; i < m; i++) l += eta[i] * r[i] + c / 2 * ra[i] * rb[i];
        return l;
    }

    /** mean over samples [from, to) of T - mu. */
    public static double[] mean(double[] t, int from, int to, int m, double[] mu) {
        double[] r = new double[m];
        for (int s = from; s < to; s++) for (int i = 0; i < m; i++) r[i] += t[s * m + i];
        for (int i = 0; i < m; i++) r[i] = r[i] / Math.max(1, to - from) - mu[i];
        return r;
    }

    public static double norm(double[] r) {
        double s = 0;
        for (double v : r) s += v * v;
        return Math.sqrt(s);
    }
}
