package soma.bench;

/**
 * The benchmark models written directly in Java, the way one would without Soma: the yardstick
 * for the compiled integrators (same model, method, step and recording).
 */
final class HandWritten {
    private HandWritten() {}

    /** FitzHugh-Nagumo RK4 for samples [first, samples) stepping by stride; returns a checksum. */
    static double fhnRk4(double[] currents, int first, int stride, int steps, double dt, int every) {
        double tau = 12.5, a = 0.7, b = 0.8;
        double check = 0;
        for (int s = first; s < currents.length; s += stride) {
            double I = currents[s];
            double v = -1, w = -0.5;
            double[] out = new double[(steps / every + 1) * 2];
            int row = 0;
            out[row++] = v;
            out[row++] = w;
            for (int k = 1; k <= steps; k++) {
                double k1v = v - v * v * v / 3 - w + I, k1w = (v + a - b * w) / tau;
                double v2 = v + 0.5 * dt * k1v, w2 = w + 0.5 * dt * k1w;
                double k2v = v2 - v2 * v2 * v2 / 3 - w2 + I, k2w = (v2 + a - b * w2) / tau;
                double v3 = v + 0.5 * dt * k2v, w3 = w + 0.5 * dt * k2w;
                double k3v = v3 - v3 * v3 * v3 / 3 - w3 + I, k3w = (v3 + a - b * w3) / tau;
                double v4 = v + dt * k3v, w4 = w + dt * k3w;
                double k4v = v4 - v4 * v4 * v4 / 3 - w4 + I, k4w = (v4 + a - b * w4) / tau;
                v += dt / 6 * (k1v + 2 * k2v + 2 * k3v + k4v);
                w += dt / 6 * (k1w + 2 * k2w + 2 * k3w + k4w);
                if (k % every == 0) {
                    out[row++] = v;
                    out[row++] = w;
                }
            }
            check += out[row - 2];
        }
        return check;
    }

    /** dx/dt = -x + W tanh(x), forward Euler; W row-major n x n. Returns x[0] at the end. */
    static double rateNetworkEuler(double[] W, double[] x0, int steps, double dt) {
        int n = x0.length;
        double[] x = x0.clone();
        double[] r = new double[n];
        double[] dx = new double[n];
        double[] out = new double[(steps + 1) * n];
        System.arraycopy(x, 0, out, 0, n);
        for (int k = 1; k <= steps; k++) {
            for (int j = 0; j < n; j++) r[j] = Math.tanh(x[j]);
            for (int i = 0; i < n; i++) {
                double s = 0;
                int base = i * n;
                for (int j = 0; j < n; j++) s += W[base + j] * r[j];
                dx[i] = -x[i] + s;
            }
            for (int i = 0; i < n; i++) x[i] += dt * dx[i];
            System.arraycopy(x, 0, out, k * n, n);
        }
        return out[steps * n];
    }
}
