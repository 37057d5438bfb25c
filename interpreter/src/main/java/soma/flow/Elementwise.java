package soma.flow;

import soma.random.Rng;

/**
 * A parameter-free map applied to each coordinate (the support maps): subclasses give the
 * function, its derivative, the log of its derivative with that log's derivative, and the inverse.
 */
abstract class Elementwise extends Layer {
    Elementwise(int dim) {
        super(dim);
    }

    abstract double value(int j, double z);

    abstract double derivative(int j, double z);
    /** log f'(z), computed stably for large |z|. */
    abstract double logDerivative(int j, double z);
    /** d/dz log f'(z). */
    abstract double logDerivativeSlope(int j, double z);

    abstract double inverse(int j, double y);

    @Override
    public int paramCount() {
        return 0;
    }

    @Override
    public void init(double[] theta, Rng rng) {}

    @Override
    public void forward(double[] theta, double[] in, double[] out, double[] logDet, int n, boolean training) {
        for (int s = 0; s < n; s++) {
            double ld = 0;
            for (int j = 0; j < dim; j++) {
                double z = in[s * dim + j];
                out[s * dim + j] = value(j, z);
                ld += logDerivative(j, z);
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
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < dim; j++) {
                double z = in[s * dim + j];
                gIn[s * dim + j] = gOut[s * dim + j] * derivative(j, z) + gLogDet[s] * logDerivativeSlope(j, z);
            }
        }
    }

    @Override
    public void inverse(double[] theta, double[] out, double[] in, double[] logDet, int n) {
        for (int s = 0; s < n; s++) {
            double ld = 0;
            for (int j = 0; j < dim; j++) {
                double z = inverse(j, out[s * dim + j]);
                in[s * dim + j] = z;
                ld += logDerivative(j, z);
            }
            logDet[s] += ld;
        }
    }
}
