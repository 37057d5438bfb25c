package soma.flow;

import java.util.Arrays;
import soma.random.Rng;

/**
 * Planar layer (Rezende and Mohamed 2015): f(z) = z + u tanh(w.z + b), with
 * log|det| = log|1 + u.(1 - tanh^2(w.z + b)) w|. The free parameter is u_hat; the layer uses
 * u = u_hat + (m(w.u_hat) - w.u_hat) w / |w|^2 with m(x) = -1 + softplus(x), so that w.u > -1
 * and the layer is invertible for any raw parameters. Layout: [w (d), u_hat (d), b].
 */
final class Planar extends Layer {
    /** Keeps |w|^2 away from zero; the same constant is used in forward and backward. */
    private static final double EPS = 1e-12;

    /** tanh(w.z + b) per point from the last training forward pass, and the input it was for. */
    private double[] cachedTanh;

    private double[] cachedInput;
    private double[] cachedParams;

    Planar(int dim) {
        super(dim);
    }

    @Override
    public String kind() {
        return "planar";
    }

    @Override
    public int paramCount() {
        return 2 * dim + 1;
    }

    @Override
    public void init(double[] theta, Rng rng) {
        for (int j = 0; j < 2 * dim; j++) theta[offset + j] = 0.1 * rng.nextGaussian();
        theta[offset + 2 * dim] = 0;
    }

    /** The constrained u, and u.w, from the raw parameters. */
    private double[] u(double[] theta) {
        int w = offset, uh = offset + dim;
        double wu = 0, ww = EPS;
        for (int j = 0; j < dim; j++) {
            wu += theta[w + j] * theta[uh + j];
            ww += theta[w + j] * theta[w + j];
        }
        double kappa = (-1 + softplus(wu) - wu) / ww;
        double[] u = new double[dim + 1];
        double uw = 0;
        for (int j = 0; j < dim; j++) {
            u[j] = theta[uh + j] + kappa * theta[w + j];
            uw += u[j] * theta[w + j];
        }
        u[dim] = uw;
        return u;
    }

    @Override
    public void forward(double[] theta, double[] in, double[] out, double[] logDet, int n, boolean training) {
        double[] u = u(theta);
        double uw = u[dim], b = theta[offset + 2 * dim];
        double[] hs = training ? new double[n] : null;
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            double a = b;
            for (int j = 0; j < dim; j++) a += theta[offset + j] * in[row + j];
            double h = Math.tanh(a);
            if (hs != null) hs[s] = h;
            for (int j = 0; j < dim; j++) out[row + j] = in[row + j] + u[j] * h;
            logDet[s] += Math.log(Math.abs(1 + (1 - h * h) * uw));
        }
        // the backward pass of a training step sees the same input and parameters: keep tanh for it
        cachedTanh = hs;
        cachedInput = hs == null ? null : in;
        cachedParams = hs == null ? null : Arrays.copyOfRange(theta, offset, offset + paramCount());
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
        double[] u = u(theta);
        double uw = u[dim], b = theta[offset + 2 * dim];
        double[] gu = new double[dim], gw = new double[dim];
        double gb = 0;
        double[] hs = cachedInput == in
                        && cachedTanh.length == n
                        && Arrays.equals(cachedParams, 0, cachedParams.length, theta, offset, offset + paramCount())
                ? cachedTanh
                : null;
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            double h;
            if (hs != null) {
                h = hs[s];
            } else {
                double a = b;
                for (int j = 0; j < dim; j++) a += theta[offset + j] * in[row + j];
                h = Math.tanh(a);
            }
            double dh = 1 - h * h;
            double det = 1 + dh * uw;
            double gu_dot = 0;
            for (int j = 0; j < dim; j++) gu_dot += gOut[row + j] * u[j];
            double gamma = gLogDet[s];
            // dL/da: through z' = z + u h(a) and through log det = log(1 + h'(a) u.w)
            double ga = gu_dot * dh + gamma * (-2 * h * dh * uw) / det;
            double lw = gamma * dh / det;
            for (int j = 0; j < dim; j++) {
                double w = theta[offset + j];
                gIn[row + j] = gOut[row + j] + ga * w;
                gu[j] += gOut[row + j] * h + lw * w;
                gw[j] += ga * in[row + j] + lw * u[j];
            }
            gb += ga;
        }
        // through the re-parameterisation u = u_hat + kappa(w.u_hat, |w|^2) w
        int w = offset, uh = offset + dim;
        double wu = 0, ww = EPS, c = 0;
        for (int j = 0; j < dim; j++) {
            wu += theta[w + j] * theta[uh + j];
            ww += theta[w + j] * theta[w + j];
            c += gu[j] * theta[w + j];
        }
        double m = -1 + softplus(wu);
        double kappa = (m - wu) / ww;
        double dkWu = (sigmoid(wu) - 1) / ww;
        double dkWw = -(m - wu) / (ww * ww);
        for (int j = 0; j < dim; j++) {
            gTheta[uh + j] += gu[j] + c * dkWu * theta[w + j];
            gTheta[w + j] += gw[j] + kappa * gu[j] + c * (dkWu * theta[uh + j] + dkWw * 2 * theta[w + j]);
        }
        gTheta[offset + 2 * dim] += gb;
    }

    /**
     * Along w the layer is the scalar map alpha -> alpha + u.w tanh(alpha + b), increasing because
     * u.w > -1: solve it by Newton's method kept inside a bracket, then subtract u tanh.
     */
    @Override
    public void inverse(double[] theta, double[] out, double[] in, double[] logDet, int n) {
        double[] u = u(theta);
        double uw = u[dim], b = theta[offset + 2 * dim];
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            double c = 0;
            for (int j = 0; j < dim; j++) c += theta[offset + j] * out[row + j];
            double lo = c - Math.abs(uw) - 1e-12, hi = c + Math.abs(uw) + 1e-12, alpha = c;
            for (int it = 0; it < 200; it++) {
                double h = Math.tanh(alpha + b);
                double f = alpha + uw * h - c;
                if (f > 0) hi = alpha;
                else lo = alpha;
                double next = alpha - f / (1 + uw * (1 - h * h));
                if (!(next > lo && next < hi)) next = (lo + hi) / 2;
                if (Math.abs(next - alpha) <= 1e-15 * (1 + Math.abs(alpha))) {
                    alpha = next;
                    break;
                }
                alpha = next;
            }
            double h = Math.tanh(alpha + b);
            for (int j = 0; j < dim; j++) in[row + j] = out[row + j] - u[j] * h;
            logDet[s] += Math.log(Math.abs(1 + (1 - h * h) * uw));
        }
    }
}
