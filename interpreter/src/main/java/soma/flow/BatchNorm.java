package soma.flow;

import java.util.Arrays;
import java.util.Map;
import soma.random.Rng;

/**
 * Batch normalisation as a flow layer (Dinh et al. 2017): f(z) = exp(g) (z - mu) / sqrt(var + eps) + b.
 * While training, mu and var are the batch's own statistics (so every sample's output, and the
 * shared log-determinant sum(g - log(var + eps) / 2), depends on the whole batch, and the gradient
 * says so); running averages of them are kept and used for sampling and densities afterwards.
 * Layout: [g (d), b (d)].
 */
final class BatchNorm extends Layer {
    private static final double EPS = 1e-5, MOMENTUM = 0.1;
    private double[] runMean, runVar;

    BatchNorm(int dim) {
        super(dim);
        runMean = new double[dim];
        runVar = new double[dim];
        Arrays.fill(runVar, 1);
    }

    @Override
    public String kind() {
        return "batchnorm";
    }

    @Override
    public int paramCount() {
        return 2 * dim;
    }

    @Override
    public void init(double[] theta, Rng rng) {
        for (int j = 0; j < 2 * dim; j++) theta[offset + j] = 0;
    }

    /** Column means and (biased) variances of the batch. */
    private double[][] stats(double[] z, int n) {
        double[] mean = new double[dim], var = new double[dim];
        for (int s = 0; s < n; s++) for (int j = 0; j < dim; j++) mean[j] += z[s * dim + j];
        for (int j = 0; j < dim; j++) mean[j] /= n;
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < dim; j++) {
                double d = z[s * dim + j] - mean[j];
                var[j] += d * d;
            }
        }
        for (int j = 0; j < dim; j++) var[j] /= n;
        return new double[][] {mean, var};
    }

    @Override
    public void forward(double[] theta, double[] in, double[] out, double[] logDet, int n, boolean training) {
        double[] mean = runMean, var = runVar;
        if (training) {
            double[][] st = stats(in, n);
            mean = st[0];
            var = st[1];
            for (int j = 0; j < dim; j++) {
                runMean[j] = (1 - MOMENTUM) * runMean[j] + MOMENTUM * mean[j];
                runVar[j] = (1 - MOMENTUM) * runVar[j] + MOMENTUM * var[j];
            }
        }
        double ld = 0;
        for (int j = 0; j < dim; j++) ld += theta[offset + j] - 0.5 * Math.log(var[j] + EPS);
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < dim; j++) {
                double xh = (in[s * dim + j] - mean[j]) / Math.sqrt(var[j] + EPS);
                out[s * dim + j] = Math.exp(theta[offset + j]) * xh + theta[offset + dim + j];
            }
            logDet[s] += ld;
        }
    }

    @Override
    public void backward(
            double[] theta,
            double[] in,
            double[] gOut,
            double[] gLogDet,
            double[] gIn,
            double[] gTheta,
            int n,
            boolean training) {
        double[] mean = runMean, var = runVar;
        if (training) {
            double[][] st = stats(in, n);
            mean = st[0];
            var = st[1];
        }
        double gamma = 0;
        for (int s = 0; s < n; s++) gamma += gLogDet[s];
        for (int j = 0; j < dim; j++) {
            double sigma = Math.sqrt(var[j] + EPS), e = Math.exp(theta[offset + j]);
            double sumG = 0, sumGx = 0;
            for (int s = 0; s < n; s++) {
                double g = gOut[s * dim + j] * e, xh = (in[s * dim + j] - mean[j]) / sigma;
                sumG += g;
                sumGx += g * xh;
                gTheta[offset + dim + j] += gOut[s * dim + j];
            }
            gTheta[offset + j] += sumGx + gamma;
            for (int s = 0; s < n; s++) {
                double g = gOut[s * dim + j] * e, xh = (in[s * dim + j] - mean[j]) / sigma;
                gIn[s * dim + j] =
                        training ? (g - sumG / n - xh * sumGx / n) / sigma - gamma * xh / (n * sigma) : g / sigma;
            }
        }
    }

    @Override
    public void inverse(double[] theta, double[] out, double[] in, double[] logDet, int n) {
        double ld = 0;
        for (int j = 0; j < dim; j++) ld += theta[offset + j] - 0.5 * Math.log(runVar[j] + EPS);
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < dim; j++) {
                double xh = (out[s * dim + j] - theta[offset + dim + j]) * Math.exp(-theta[offset + j]);
                in[s * dim + j] = runMean[j] + xh * Math.sqrt(runVar[j] + EPS);
            }
            logDet[s] += ld;
        }
    }

    @Override
    public Map<String, Object> options() {
        return Map.of("running_mean", BoxSupport.list(runMean), "running_var", BoxSupport.list(runVar));
    }

    @Override
    public void restore(Map<String, Object> saved) {
        double[] mean = FlowJson.doubles(saved.get("running_mean")), var = FlowJson.doubles(saved.get("running_var"));
        if (mean != null) runMean = mean;
        if (var != null) runVar = var;
    }
}
