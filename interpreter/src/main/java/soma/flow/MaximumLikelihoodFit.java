package soma.flow;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import soma.random.Rng;
import soma.runtime.SomaError;

/**
 * Fits a flow to data by maximum likelihood: minimise -mean log q(x) over minibatches of the
 * samples x, with Adam. log q(x) = log N(w) - sum log|det J| at w = g^-1(x), and w moves with the
 * parameters, so the gradient has two parts (implicit differentiation of g(w, theta) = x):
 *
 * <pre>  dl/dtheta = dl/dtheta|_w - v^T dg/dtheta,   J_w^T v = dl/dw</pre>
 *
 * where J_w is the flow's Jacobian at w. Each step costs one inversion, one forward pass and
 * dim + 2 backward passes (dim of them build J_w row by row), so it suits the small dimensions of
 * parameter spaces. Batch normalisation keeps its running statistics here: batch statistics would
 * couple the samples and make J_w one large matrix.
 */
public final class MaximumLikelihoodFit {
    private MaximumLikelihoodFit() {}

    /** Adam on the mean negative log-likelihood of {@code data} (count x dim, row-major). */
    public static FlowFit.History fit(Flow flow, double[] data, int count, int iterations, double lr, int batch, Rng rng) {
        int d = flow.dim;
        double[] logQ = flow.logProb(data, count); // inverting reads data, never writes it
        for (int s = 0; s < count; s++) {
            if (!Double.isFinite(logQ[s])) {
                throw new SomaError("fit: sample " + (s + 1) + " " + java.util.Arrays.toString(java.util.Arrays.copyOfRange(data, s * d, s * d + d))
                        + (Double.isNaN(logQ[s]) || logQ[s] == Double.NEGATIVE_INFINITY ? " lies outside the flow's support" : " has log q = " + logQ[s]));
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
        int d = flow.dim;
        double[] w = flow.inverse(x, n, new double[n]);
        Flow.Pass pass = flow.forward(w, n, false);
        double[] lq = pass.logQ();
        double loss = 0;
        double[] gLogQ = new double[n];
        for (int s = 0; s < n; s++) {
            loss -= lq[s] / n;
            gLogQ[s] = -1.0 / n;
        }
        if (grad == null) return loss;
        // dl/dtheta at fixed w, and dl/dw: through the layers, plus the base term d(-log N(w))/dw = w.
        double[] gW = new double[n * d];
        double[] direct = flow.backward(pass, new double[n * d], gLogQ, gW);
        for (int i = 0; i < n * d; i++) gW[i] += w[i] / n;
        // J_w, one output coordinate at a time: row j of every sample's Jacobian.
        double[][] rows = new double[d][n * d];
        double[] noLogQ = new double[n];
        for (int j = 0; j < d; j++) {
            double[] unit = new double[n * d];
            for (int s = 0; s < n; s++) unit[s * d + j] = 1;
            flow.backward(pass, unit, noLogQ, rows[j]);
        }
        double[] v = new double[n * d];
        DMatrixRMaj jt = new DMatrixRMaj(d, d), b = new DMatrixRMaj(d, 1), sol = new DMatrixRMaj(d, 1);
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(d);
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) jt.set(i, j, rows[j][s * d + i]); // (J^T)[i][j] = J[j][i]
                b.set(i, 0, gW[s * d + i]);
            }
            if (!lu.setA(jt)) throw new SomaError("fit: the flow's Jacobian is singular at sample " + (s + 1));
            lu.solve(b, sol);
            System.arraycopy(sol.data, 0, v, s * d, d);
        }
        double[] implicit = flow.backward(pass, v, noLogQ);
        for (int k = 0; k < grad.length; k++) grad[k] = direct[k] - implicit[k];
        return loss;
    }
}
