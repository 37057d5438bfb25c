package soma.flow;

import soma.random.Rng;

/** Elementwise scale f(z) = s * z with s = exp(log_s) > 0; log|det| = sum log_s. Layout: [log_s (d)]. */
final class Scale extends Layer {
    Scale(int dim) {
        super(dim);
    }

    @Override
    public String kind() {
        return "scale";
    }

    @Override
    public int paramCount() {
        return dim;
    }

    @Override
    public void init(double[] theta, Rng rng) {
        for (int j = 0; j < dim; j++) theta[offset + j] = 0;
    }

    private double sumLog(double[] theta) {
        double sum = 0;
        for (int j = 0; j < dim; j++) sum += theta[offset + j];
        return sum;
    }

    @Override
    public void forward(double[] theta, double[] in, double[] out, double[] logDet, int n, boolean training) {
        double ld = sumLog(theta);
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < dim; j++) out[s * dim + j] = Math.exp(theta[offset + j]) * in[s * dim + j];
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
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < dim; j++) {
                double e = Math.exp(theta[offset + j]);
                gIn[s * dim + j] = gOut[s * dim + j] * e;
                gTheta[offset + j] += gOut[s * dim + j] * e * in[s * dim + j] + gLogDet[s];
            }
        }
    }

    @Override
    public void inverse(double[] theta, double[] out, double[] in, double[] logDet, int n) {
        double ld = sumLog(theta);
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < dim; j++) in[s * dim + j] = out[s * dim + j] * Math.exp(-theta[offset + j]);
            logDet[s] += ld;
        }
    }
}
