package soma.flow;

import java.util.Arrays;
import soma.random.Rng;
import soma.runtime.SomaError;

/**
 * Fits a flow to data by maximum likelihood: minimise -mean log q(x) over minibatches of the
 * samples x, with Adam. log q(x) = log N(w) - sum log|det J| at w = g^-1(x), and w moves with the
 * parameters, so the gradient has two parts (implicit differentiation of g(w, theta) = x):
 *
 * <pre>  dl/dtheta = dl/dtheta|_w - v^T dg/dtheta,   J_w^T v = dl/dw</pre>
 *
 * where J_w is the flow's Jacobian at w (see {@link AtPoints}), so it suits the small dimensions of
 * parameter spaces. Batch normalisation keeps its running statistics here: batch statistics would
 * couple the samples and make J_w one large matrix.
 */
public final class MaximumLikelihoodFit {
    private MaximumLikelihoodFit() {}

    /** Adam on the mean negative log-likelihood of {@code data} (count x dim, row-major). */
    public static FlowFit.History fit(
            Flow flow, double[] data, int count, int iterations, double lr, int batch, Rng rng) {
        if (!flow.plain())
            throw new SomaError(
                    "fit: fitting samples by maximum likelihood needs a single flow without mixture or symmetry");
        int d = flow.dim;
        double[] logQ = flow.logProb(data, count); // inverting reads data, never writes it
        for (int s = 0; s < count; s++) {
            if (!Double.isFinite(logQ[s])) {
                throw new SomaError(
                        "fit: sample " + (s + 1) + " " + Arrays.toString(Arrays.copyOfRange(data, s * d, s * d + d))
                                + (Double.isNaN(logQ[s]) || logQ[s] == Double.NEGATIVE_INFINITY
                                        ? " lies outside the flow's support"
                                        : " has log q = " + logQ[s]));
            }
        }
        return FlowFit.train(flow, "fit " + flow.name + " (maximum likelihood)", "nll", iterations, lr, grad -> {
            double[] x = new double[batch * d];
            for (int s = 0; s < batch; s++) System.arraycopy(data, (int) rng.nextLong(count) * d, x, s * d, d);
            return step(flow, x, batch, grad);
        });
    }

    /** The mean negative log-likelihood of the n points x; its gradient in theta goes to {@code grad} (if not null). */
    static double step(Flow flow, double[] x, int n, double[] grad) {
        AtPoints at = AtPoints.of(flow, 0, x, n);
        double loss = 0;
        double[] coef = new double[n];
        for (int s = 0; s < n; s++) {
            loss -= at.logQ[s] / n;
            coef[s] = -1.0 / n;
        }
        if (grad == null) return loss;
        Arrays.fill(grad, 0);
        at.gradient(flow, coef, grad);
        return loss;
    }
}
