package soma.epi;

import soma.flow.Normal;

/**
 * EPI's convergence check (docs/epi.md): for every statistic, a two-sided test of
 * E[T_i] = mu_i on a fresh batch, Bonferroni-corrected over the m statistics. With the batch
 * sizes used (hundreds to thousands) the sample mean is normal to good accuracy, so the test is a
 * z-test with the sample standard deviation.
 */
public final class ConvergenceTest {
    private ConvergenceTest() {}

    /** p-values, standard errors of the means, and the verdict. */
    public record Result(double[] pValues, double[] standardErrors, boolean passed) {}

    public static Result test(double[] t, double[] mu, int n, double alpha) {
        int m = mu.length;
        double[] p = new double[m], ses = new double[m];
        boolean passed = true;
        for (int i = 0; i < m; i++) {
            double mean = 0, sq = 0;
            for (int s = 0; s < n; s++) mean += t[s * m + i] / n;
            for (int s = 0; s < n; s++) sq += (t[s * m + i] - mean) * (t[s * m + i] - mean);
            double se = Math.sqrt(sq / (n - 1) / n);
            ses[i] = se;
            double z = se > 0 ? (mean - mu[i]) / se : mean == mu[i] ? 0 : Double.POSITIVE_INFINITY;
            p[i] = 2 * Normal.cdf(-Math.abs(z));
            if (p[i] < alpha / m) passed = false;
        }
        return new Result(p, ses, passed);
    }
}
