package soma.epi;

/**
 * What EPI asks of a model: for a batch of parameter vectors z (n x k), the statistics T (n x m)
 * of the model's output and, when asked, their derivatives dT/dz (n x m x k).
 */
public interface Objective {
    /** T row-major (n x m); dT/dz as g[(s * m + i) * k + j], or null; mu. */
    record Evaluation(double[] t, double[] g, double[] mu) {}

    Evaluation evaluate(double[] z, int n, boolean gradients);

    /** Relative step of the central differences along each direction (see the implementations). */
    double STEP = 1e-5;

    /** A step for parameter j: STEP times the batch's RMS of z_j (at least STEP). */
    static double step(double[] z, int n, int k, int j) {
        double sq = 0;
        for (int s = 0; s < n; s++) sq += z[s * k + j] * z[s * k + j];
        return STEP * Math.max(1, Math.sqrt(sq / n));
    }

    /** (T+ - T-) / (2 h) into g for direction j. */
    static void difference(double[] plus, double[] minus, double h, double[] g, int n, int m, int k, int j) {
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < m; i++) g[(s * m + i) * k + j] = (plus[s * m + i] - minus[s * m + i]) / (2 * h);
        }
    }
}
