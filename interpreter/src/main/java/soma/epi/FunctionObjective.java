package soma.epi;

import soma.runtime.SomaFunction;
import soma.tensor.Tensor;

/**
 * A model given as a Soma function of the whole batch z (an n x k matrix), such as the
 * eigenvalues of 2 x 2 matrices. Its statistics are differentiated by central differences in
 * each parameter (2k extra calls per batch): fine for the few parameters such models have.
 */
public final class FunctionObjective implements Objective {
    private final SomaFunction model;
    private final ConstraintValue property;
    private final int k;

    public FunctionObjective(SomaFunction model, ConstraintValue property, int k) {
        this.model = model;
        this.property = property;
        this.k = k;
    }

    private double[] statistics(double[] z, int n, double[][] mu) {
        ConstraintValue.Values v = property.evaluate(model.call(new Tensor(new int[] {n, k}, z)), n);
        if (mu != null) mu[0] = v.mu();
        return v.t();
    }

    @Override
    public Evaluation evaluate(double[] z, int n, boolean gradients) {
        double[][] mu = new double[1][];
        double[] t = statistics(z.clone(), n, mu);
        if (!gradients) return new Evaluation(t, null, mu[0]);
        int m = property.count();
        double[] g = new double[n * m * k];
        for (int j = 0; j < k; j++) {
            double h = Objective.step(z, n, k, j);
            double[] zp = z.clone(), zm = z.clone();
            for (int s = 0; s < n; s++) {
                zp[s * k + j] += h;
                zm[s * k + j] -= h;
            }
            Objective.difference(statistics(zp, n, null), statistics(zm, n, null), h, g, n, m, k, j);
        }
        return new Evaluation(t, g, mu[0]);
    }
}
