package soma.flow;

import soma.random.Rng;

/**
 * Radial layer (Rezende and Mohamed 2015): f(z) = z + beta h(r) (z - z0), h = 1 / (alpha + r),
 * r = |z - z0|, with alpha = softplus(a) > 0 and beta = -alpha + softplus(b) > -alpha so the layer
 * is invertible. log|det| = (d - 1) log(1 + beta h) + log(1 + beta alpha h^2).
 * Layout: [z0 (d), a, b].
 */
final class Radial extends Layer {
    Radial(int dim) {
        super(dim);
    }

    @Override
    public String kind() {
        return "radial";
    }

    @Override
    public int paramCount() {
        return dim + 2;
    }

    @Override
    public void init(double[] theta, Rng rng) {
        for (int j = 0; j < dim; j++) theta[offset + j] = rng.nextGaussian();
        theta[offset + dim] = 0.1 * rng.nextGaussian();
        theta[offset + dim + 1] = 0.1 * rng.nextGaussian();
    }

    private double alpha(double[] theta) {
        return softplus(theta[offset + dim]);
    }

    private double beta(double[] theta) {
        return -alpha(theta) + softplus(theta[offset + dim + 1]);
    }

    private double radius(double[] theta, double[] z, int row) {
        double r2 = 0;
        for (int j = 0; j < dim; j++) {
            double d = z[row + j] - theta[offset + j];
            r2 += d * d;
        }
        return Math.sqrt(r2);
    }

    private double logDet(double alpha, double beta, double h) {
        return (dim - 1) * Math.log(Math.abs(1 + beta * h)) + Math.log(Math.abs(1 + beta * alpha * h * h));
    }

    @Override
    public void forward(double[] theta, double[] in, double[] out, double[] logDet, int n, boolean training) {
        double alpha = alpha(theta), beta = beta(theta);
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            double h = 1 / (alpha + radius(theta, in, row));
            for (int j = 0; j < dim; j++) out[row + j] = in[row + j] + beta * h * (in[row + j] - theta[offset + j]);
            logDet[s] += logDet(alpha, beta, h);
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
        double alpha = alpha(theta), beta = beta(theta);
        double gAlpha = 0, gBeta = 0;
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            double r = radius(theta, in, row), safeR = Math.max(r, 1e-300);
            double h = 1 / (alpha + r);
            double a = 1 + beta * h, bb = 1 + beta * alpha * h * h, gamma = gLogDet[s];
            double gDelta = 0; // g . (z - z0)
            for (int j = 0; j < dim; j++) gDelta += gOut[row + j] * (in[row + j] - theta[offset + j]);
            // log det as a function of q = alpha + r (through h), and of alpha, beta directly
            double dLdq = -(dim - 1) * beta * h * h / a - 2 * beta * alpha * h * h * h / bb;
            double dLdBeta = (dim - 1) * h / a + alpha * h * h / bb;
            double dLdAlpha = dLdq + beta * h * h / bb;
            // d out / d r through h: -beta h^2 (z - z0); so dL/dr = -beta h^2 gDelta + gamma dLdq
            double gr = -beta * h * h * gDelta + gamma * dLdq;
            for (int j = 0; j < dim; j++) {
                double delta = in[row + j] - theta[offset + j];
                double gd = gOut[row + j] * beta * h + gr * delta / safeR; // dL/d(z - z0) beyond the identity
                gIn[row + j] = gOut[row + j] + gd;
                gTheta[offset + j] -= gd;
            }
            gBeta += h * gDelta + gamma * dLdBeta;
            gAlpha += -beta * h * h * gDelta + gamma * dLdAlpha;
        }
        double sa = sigmoid(theta[offset + dim]), sb = sigmoid(theta[offset + dim + 1]);
        gTheta[offset + dim] += gAlpha * sa - gBeta * sa;
        gTheta[offset + dim + 1] += gBeta * sb;
    }

    /** |out - z0| = r (1 + beta / (alpha + r)) is a quadratic in r with one positive root. */
    @Override
    public void inverse(double[] theta, double[] out, double[] in, double[] logDet, int n) {
        double alpha = alpha(theta), beta = beta(theta);
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            double rOut = radius(theta, out, row);
            double p = alpha + beta - rOut;
            double r = 2 * rOut * alpha / (Math.sqrt(p * p + 4 * rOut * alpha) + p); // stable form of the positive root
            if (!(r >= 0)) r = 0;
            double h = 1 / (alpha + r);
            for (int j = 0; j < dim; j++)
                in[row + j] = theta[offset + j] + (out[row + j] - theta[offset + j]) / (1 + beta * h);
            logDet[s] += logDet(alpha, beta, h);
        }
    }
}
