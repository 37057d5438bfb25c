package soma.bench;

import soma.analysis.Spectra;

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

    /**
     * The STG circuit (docs/stg.md), forward Euler, for samples [first, n) by stride,
     * recording all five voltages (as the Soma batch does) and computing the hub frequency.
     */
    static double stgEuler(double[] gElNs, double[] gSynANs, int first, int stride, int steps, double dt) {
        double cm = 1e-9, vLeak = -0.040, vCa = 0.100, vK = -0.080, vH = -0.020, vSyn = -0.075;
        double v2 = 0.020, v4 = 0.015, v5 = 0.0783, v6 = 0.0105, v7 = -0.0422, v8 = 0.0873, v9 = 0.005, vTh = -0.025;
        double[] gCa = {1.9e-8, 1.9e-8, 1.7e-8, 8.5e-9, 8.5e-9};
        double[] gK = {3.9e-8, 3.9e-8, 1.9e-8, 1.5e-8, 1.5e-8};
        double[] gH = {2.5e-8, 2.5e-8, 8.0e-9, 1.0e-8, 1.0e-8};
        double gLeak = 1e-10, gB = 5e-9;
        double check = 0;
        double[] v = new double[5],
                n = new double[5],
                h = new double[5],
                s = new double[5],
                iEl = new double[5],
                iSyn = new double[5];
        for (int k = first; k < gElNs.length; k += stride) {
            double gEl = gElNs[k] * 1e-9, gA = gSynANs[k] * 1e-9;
            System.arraycopy(new double[] {-0.04169771, -0.04319491, 0.00883992, -0.06879824, 0.03048103}, 0, v, 0, 5);
            System.arraycopy(new double[] {0.00151316, 0.19784773, 0.56514935, 0.12214069, 0.35290397}, 0, n, 0, 5);
            System.arraycopy(new double[] {0.08614699, 0.04938177, 0.05568701, 0.07007949, 0.05790969}, 0, h, 0, 5);
            double[] out = new double[(steps + 1) * 5];
            System.arraycopy(v, 0, out, 0, 5);
            for (int t = 1; t <= steps; t++) {
                for (int i = 0; i < 5; i++) s[i] = 1 / (1 + Math.exp((vTh - v[i]) / v9));
                iEl[0] = 0;
                iEl[1] = gEl * (v[1] - v[2]);
                iEl[2] = gEl * ((v[2] - v[1]) + (v[2] - v[4]));
                iEl[3] = 0;
                iEl[4] = gEl * (v[4] - v[2]);
                iSyn[0] = gB * s[1] * (v[0] - vSyn);
                iSyn[1] = gB * s[0] * (v[1] - vSyn);
                iSyn[2] = gA * s[0] * (v[2] - vSyn) + gA * s[3] * (v[2] - vSyn);
                iSyn[3] = gB * s[4] * (v[3] - vSyn);
                iSyn[4] = gB * s[3] * (v[4] - vSyn);
                for (int i = 0; i < 5; i++) {
                    double mInf = (1 + Math.tanh(v[i] / v2)) / 2;
                    double nInf = (1 + Math.tanh(v[i] / v4)) / 2;
                    double hInf = 1 / (1 + Math.exp((v[i] + v5) / v6));
                    double dv = -(gLeak * (v[i] - vLeak)
                                    + gCa[i] * mInf * (v[i] - vCa)
                                    + gK[i] * n[i] * (v[i] - vK)
                                    + gH[i] * h[i] * (v[i] - vH)
                                    + iEl[i]
                                    + iSyn[i])
                            / cm;
                    double dn = 2 * Math.cosh(v[i] / (2 * v4)) * (nInf - n[i]);
                    double tauH = (272 + 1499 / (1 + Math.exp((v7 - v[i]) / v8))) / 1000;
                    double dh = (hInf - h[i]) / tauH;
                    v[i] += dt * dv;
                    n[i] += dt * dn;
                    h[i] += dt * dh;
                }
                System.arraycopy(v, 0, out, t * 5, 5);
            }
            double[] hub = new double[steps + 1];
            for (int t = 0; t <= steps; t++) hub[t] = out[t * 5 + 2];
            check += Spectra.hubFrequency(hub, 0, hub.length, new Spectra.HubOptions(dt, 40, 40, 100, 1, 101));
        }
        return check;
    }
}
