package soma.bench;

import soma.random.Rng;

/**
 * The yardstick for a flow training step: the example flow (10 planar layers, scale, shift,
 * sigmoid onto (0, 20)^2) fitted to N((4, 4), 3^2 I) by reverse KL, written as one fused Java
 * routine over plain arrays, keeping tanh values from the forward pass for the backward pass.
 * Planar layers here use u directly (no invertibility re-parameterisation), which only makes the
 * yardstick cheaper.
 */
final class HandWrittenFlow {
    static final int LAYERS = 10, D = 2;
    final double[] w = new double[LAYERS * D], u = new double[LAYERS * D], b = new double[LAYERS];
    final double[] logScale = new double[D], shift = new double[D];
    private final double[] m = new double[5 * LAYERS + 4], v = new double[5 * LAYERS + 4];
    private int t;

    HandWrittenFlow(Rng rng) {
        for (int i = 0; i < LAYERS * D; i++) {
            w[i] = 0.1 * rng.nextGaussian();
            u[i] = 0.1 * rng.nextGaussian();
        }
    }

    /** One Adam step on a fresh batch of n samples; returns the loss. */
    double step(int n, Rng rng, double lr) {
        double[] z = new double[(LAYERS + 1) * D], h = new double[LAYERS];
        double[] g = new double[5 * LAYERS + 4];
        double loss = 0;
        for (int s = 0; s < n; s++) {
            z[0] = rng.nextGaussian();
            z[1] = rng.nextGaussian();
            double logq = -0.5 * (z[0] * z[0] + z[1] * z[1]) - Math.log(2 * Math.PI);
            for (int l = 0; l < LAYERS; l++) {
                int i = l * D, o = i + D;
                double a = w[i] * z[i] + w[i + 1] * z[i + 1] + b[l];
                double th = Math.tanh(a);
                h[l] = th;
                z[o] = z[i] + u[i] * th;
                z[o + 1] = z[i + 1] + u[i + 1] * th;
                logq -= Math.log(Math.abs(1 + (1 - th * th) * (u[i] * w[i] + u[i + 1] * w[i + 1])));
            }
            int last = LAYERS * D;
            double[] x = new double[D], y = new double[D], sig = new double[D];
            for (int j = 0; j < D; j++) {
                x[j] = Math.exp(logScale[j]) * z[last + j] + shift[j];
                sig[j] = 1 / (1 + Math.exp(-x[j]));
                y[j] = 20 * sig[j];
                logq -= logScale[j] + Math.log(20 * sig[j] * (1 - sig[j]));
            }
            double logp = 0;
            for (int j = 0; j < D; j++) logp -= (y[j] - 4) * (y[j] - 4) / 18;
            loss += (logq - logp) / n;
            // backward: dL/dy from -log p, dL/dlog q = 1/n, so each log|det| term gets -1/n
            double gl = -1.0 / n;
            double[] gz = new double[D];
            for (int j = 0; j < D; j++) {
                double gy = (y[j] - 4) / 9 / n;
                double gx = gy * 20 * sig[j] * (1 - sig[j]) + gl * (1 - 2 * sig[j]);
                g[5 * LAYERS + D + j] += gx;
                g[5 * LAYERS + j] += gx * Math.exp(logScale[j]) * z[last + j] + gl;
                gz[j] = gx * Math.exp(logScale[j]);
            }
            for (int l = LAYERS - 1; l >= 0; l--) {
                int i = l * D;
                double th = h[l], dh = 1 - th * th, uw = u[i] * w[i] + u[i + 1] * w[i + 1], det = 1 + dh * uw;
                double ga = (gz[0] * u[i] + gz[1] * u[i + 1]) * dh + gl * (-2 * th * dh * uw) / det;
                double lw = gl * dh / det;
                for (int j = 0; j < D; j++) {
                    g[l * 5 + j] += ga * z[i + j] + lw * u[i + j]; // w
                    g[l * 5 + 2 + j] += gz[j] * th + lw * w[i + j]; // u
                    gz[j] += ga * w[i + j];
                }
                g[l * 5 + 4] += ga; // b
            }
        }
        adam(g, lr);
        return loss;
    }

    private void adam(double[] g, double lr) {
        t++;
        double c1 = 1 - Math.pow(0.9, t), c2 = 1 - Math.pow(0.999, t);
        for (int k = 0; k < g.length; k++) {
            m[k] = 0.9 * m[k] + 0.1 * g[k];
            v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k];
            double d = lr * (m[k] / c1) / (Math.sqrt(v[k] / c2) + 1e-8);
            if (k < 5 * LAYERS) {
                int l = k / 5, r = k % 5;
                if (r < 2) w[l * D + r] -= d;
                else if (r < 4) u[l * D + r - 2] -= d;
                else b[l] -= d;
            } else if (k < 5 * LAYERS + D) {
                logScale[k - 5 * LAYERS] -= d;
            } else {
                shift[k - 5 * LAYERS - D] -= d;
            }
        }
    }
}
