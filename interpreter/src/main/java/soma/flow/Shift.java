package soma.flow;

import soma.random.Rng;

/** Elementwise shift f(z) = z + m; log|det| = 0. Layout: [m (d)]. */
final class Shift extends Layer {
    Shift(int dim) {
        super(dim);
    }

    @Override
    public String kind() {
        return "shift";
    }

    @Override
    public int paramCount() {
        return dim;
    }

    @Override
    public void init(double[] theta, Rng rng) {
        for (int j = 0; j < dim; j++) theta[offset + j] = 0;
    }

    @Override
    public void forward(double[] theta, double[] in, double[] out, double[] logDet, int n, boolean training) {
        for (int i = 0; i < n * dim; i++) out[i] = in[i] + theta[offset + i % dim];
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
        for (int i = 0; i < n * dim; i++) {
            gIn[i] = gOut[i];
            gTheta[offset + i % dim] += gOut[i];
        }
    }

    @Override
    public void inverse(double[] theta, double[] out, double[] in, double[] logDet, int n) {
        for (int i = 0; i < n * dim; i++) in[i] = out[i] - theta[offset + i % dim];
    }
}
