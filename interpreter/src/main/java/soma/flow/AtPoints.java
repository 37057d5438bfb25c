package soma.flow;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import soma.runtime.SomaError;

/**
 * One component's log-density at given points x, ready for gradients with x held fixed. log q(x) =
 * log N(w) - sum log|det J| at w = g^-1(x), and w moves with the parameters, so (implicit
 * differentiation of g(w, theta) = x)
 *
 * <pre>  d/dtheta F = dF/dtheta|_w - v^T dg/dtheta,   J_w^T v = dF/dw,   v = dF/dx</pre>
 *
 * for F = sum_s coef_s log q(x_s). The same v is the gradient with respect to the points, which
 * mixtures and symmetric flows need when x is itself a sample of the flow (x = g z(theta)).
 * Costs one inversion, one forward pass and dim + 2 backward passes (dim of them build J_w row by
 * row): cheap in the small dimensions of parameter spaces.
 */
final class AtPoints {
    final int component, n;
    final double[] w;
    final Flow.Pass pass;
    final double[] logQ;

    private AtPoints(int component, double[] w, Flow.Pass pass) {
        this.component = component;
        this.n = pass.n;
        this.w = w;
        this.pass = pass;
        this.logQ = pass.logQ();
    }

    /** Inverts component k at the n points x (evaluation mode: batch norm uses its running statistics). */
    static AtPoints of(Flow flow, int k, double[] x, int n) {
        double[] w = flow.inverse(k, x, n, new double[n]); // inverting reads x, never writes it
        return new AtPoints(k, w, flow.forward(k, w, n, false));
    }

    /**
     * Adds d/dtheta of sum_s coef_s log q(x_s) at fixed x into {@code gTheta} and returns
     * v = coef_s grad_x log q(x_s), row-major (n x dim).
     */
    double[] gradient(Flow flow, double[] coef, double[] gTheta) {
        int d = flow.dim;
        // dF/dtheta at fixed w, and dF/dw: through the layers, plus the base term coef d(log N(w))/dw = -coef w.
        double[] gW = new double[n * d];
        double[] direct = flow.backward(pass, new double[n * d], coef, gW);
        for (int s = 0; s < n; s++) for (int j = 0; j < d; j++) gW[s * d + j] += -coef[s] * w[s * d + j];
        // J_w, one output coordinate at a time: row j of every point's Jacobian.
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
            if (!lu.setA(jt)) throw new SomaError("the flow's Jacobian is singular at point " + (s + 1));
            lu.solve(b, sol);
            System.arraycopy(sol.data, 0, v, s * d, d);
        }
        double[] implicit = flow.backward(pass, v, noLogQ);
        for (int i = 0; i < gTheta.length; i++) gTheta[i] += direct[i] - implicit[i];
        return v;
    }
}
