package soma.epi;

/**
 * The augmented-Lagrangian state of EPI (docs/epi.md): multipliers eta, penalty c, and
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

    /** The largest penalty: beyond it (c |R|^2 against an entropy of order 1) the loss is all penalty and Adam's steps become noise. */
    public static final double MAX_C = 1e12;

    /**
     * After an epoch, from R on a fresh batch: eta <- eta + c R and c <- beta c if |R| > gamma |R_old|,
     * both only when the constraint error is real ({@code significant}: the tests on that batch
     * reject). A violation within the sampling noise moves neither, so a long run cannot push the
     * penalty up on noise alone and swamp the entropy, nor shake the multipliers with it.
     */
    public void update(double[] r, boolean significant) {
        if (significant) for (int i = 0; i < eta.length; i++) eta[i] += c * r[i];
        if (significant && previous != null && norm(r) > gamma * norm(previous)) c = Math.min(MAX_C, c * beta);
        previous = r.clone();
    }

    /** As {@link #update(double[], boolean)} with every violation taken as real (the spec's rule). */
    public void update(double[] r) {
        update(r, true);
    }

    /**
     * How a training batch is stratified: each sample's component and half, the component weights
     * and sizes. A mixture's expectations are sum_k pi_k mean_k; one flow is the case K = 1.
     */
    public record Strata(int[] component, boolean[] firstHalf, double[] pi, int[] count, int[] countFirstHalf) {
        public static Strata plain(int n) {
            boolean[] first = new boolean[n];
            for (int s = 0; s < n / 2; s++) first[s] = true;
            return new Strata(new int[n], first, new double[] {1}, new int[] {n}, new int[] {n / 2});
        }

        /** The weight of sample s in an expectation over the batch (0: whole batch, 1: first halves, 2: second halves). */
        double weight(int s, int part) {
            int k = component[s];
            if (part == 0) return pi[k] / count[k];
            if (firstHalf[s] != (part == 1)) return 0;
            return pi[k] / (part == 1 ? countFirstHalf[k] : count[k] - countFirstHalf[k]);
        }
    }

    /**
     * Weights on each sample's dT_i/dz for the gradient of eta . R + (c/2) |R|^2 over a batch of n:
     * eta_i / n, plus the penalty's unbiased two-half-batch estimate: samples of half a get
     * (c/2) R_b,i / n_a and samples of half b get (c/2) R_a,i / n_b, so that the expectation is
     * c (dR)^T R with independent halves.
     */
    public double[] weights(double[] t, double[] mu, int n) {
        return weights(t, mu, Strata.plain(n));
    }

    /** As {@link #weights(double[], double[], int)} for a stratified batch (each mean is sum_k pi_k mean_k). */
    public double[] weights(double[] t, double[] mu, Strata st) {
        int m = eta.length, n = st.component().length;
        double[] ra = mean(t, mu, st, 1), rb = mean(t, mu, st, 2);
        double[] w = new double[n * m];
        for (int s = 0; s < n; s++) {
            int k = st.component()[s];
            double pk = st.pi()[k];
            int na = st.countFirstHalf()[k], nk = st.count()[k];
            for (int i = 0; i < m; i++) {
                w[s * m + i] = eta[i] * pk / nk
                        + (st.firstHalf()[s] ? c / 2 * rb[i] * pk / na : c / 2 * ra[i] * pk / (nk - na));
            }
        }
        return w;
    }

    /**
     * dL/dpi_k through the stratified weights, for L = mean log q + eta . R + (c/2) R_a . R_b:
     * mean_k log q + eta . mean_k T + (c/2)(mean_k,a T . R_b + R_a . mean_k,b T).
     */
    public double[] weightGradient(double[] t, double[] logQ, double[] mu, Strata st) {
        int m = eta.length, n = st.component().length, kc = st.pi().length;
        double[] ra = mean(t, mu, st, 1), rb = mean(t, mu, st, 2), g = new double[kc];
        for (int s = 0; s < n; s++) {
            int k = st.component()[s];
            int nk = st.count()[k], na = st.countFirstHalf()[k];
            double v = logQ[s] / nk;
            for (int i = 0; i < m; i++) {
                v += eta[i] * (t[s * m + i] - mu[i]) / nk;
                v += c
                        / 2
                        * (st.firstHalf()[s]
                                ? (t[s * m + i] - mu[i]) * rb[i] / na
                                : ra[i] * (t[s * m + i] - mu[i]) / (nk - na));
            }
            g[k] += v;
        }
        return g;
    }

    /** R over the batch (part 0), its first halves (1) or its second halves (2): sum_k pi_k mean_k T - mu. */
    static double[] mean(double[] t, double[] mu, Strata st, int part) {
        int m = mu.length, kc = st.pi().length, n = st.component().length;
        double[][] sums = new double[kc][m];
        for (int s = 0; s < n; s++) {
            if (part != 0 && st.firstHalf()[s] != (part == 1)) continue;
            for (int i = 0; i < m; i++) sums[st.component()[s]][i] += t[s * m + i];
        }
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            double v = 0;
            for (int k = 0; k < kc; k++) {
                int size = part == 0
                        ? st.count()[k]
                        : part == 1 ? st.countFirstHalf()[k] : st.count()[k] - st.countFirstHalf()[k];
                v += st.pi()[k] * (sums[k][i] / Math.max(1, size));
            }
            r[i] = v - mu[i];
        }
        return r;
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
