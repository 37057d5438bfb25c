package soma.bench;

import soma.analysis.Spectra;
import soma.util.FastMath;

/**
 * The benchmark models hand-written in Java for a batch, the fastest way I could write them:
 * struct-of-arrays state, chunks of samples, the sample loop innermost so that C2 vectorises it,
 * FitzHugh-Nagumo's whole RK4 step fused in one loop (everything in registers), and STG's
 * transcendentals through {@link FastMath} over all five neurons of a chunk at once, the rest
 * fused by hand into one loop per neuron. Same recording as Soma's batch (one array per sample).
 */
final class HandWrittenBatch {
    private HandWrittenBatch() {}

    static final int CHUNK = 256;

    /** FitzHugh-Nagumo RK4 for the chunks first, first + stride, ...; returns a checksum. */
    static double fhnRk4(double[] currents, int first, int stride, int steps, double dt, int every) {
        double tau = 12.5, a = 0.7, b = 0.8;
        int samples = currents.length;
        int chunks = (samples + CHUNK - 1) / CHUNK;
        double[] v = new double[CHUNK], w = new double[CHUNK], cur = new double[CHUNK];
        double[] a1v = new double[CHUNK], a1w = new double[CHUNK], a2v = new double[CHUNK], a2w = new double[CHUNK];
        double[] a3v = new double[CHUNK], a3w = new double[CHUNK], tv = new double[CHUNK], tw = new double[CHUNK];
        double[][] out = new double[samples][];
        double check = 0;
        double h2 = 0.5 * dt, h6 = dt / 6;
        for (int c = first; c < chunks; c += stride) {
            int s0 = c * CHUNK, n = Math.min(CHUNK, samples - s0);
            java.util.Arrays.fill(v, -1);
            java.util.Arrays.fill(w, -0.5);
            System.arraycopy(currents, s0, cur, 0, n);
            int rows = steps / every + 1;
            for (int i = 0; i < n; i++) {
                out[s0 + i] = new double[rows * 2];
                out[s0 + i][0] = v[i];
                out[s0 + i][1] = w[i];
            }
            int row = 1;
            for (int k = 1; k <= steps; k++) {
                // one loop per stage: loops of a few operations, which C2 vectorises (fhnRk4Fused has the
                // whole step in one loop, everything in registers; bench peers reports both)
                for (int i = 0; i < n; i++) {
                    double I = cur[i], vv = v[i], ww = w[i];
                    double k1v = vv - vv * vv * vv / 3 - ww + I, k1w = (vv + a - b * ww) / tau;
                    a1v[i] = k1v;
                    a1w[i] = k1w;
                    tv[i] = vv + h2 * k1v;
                    tw[i] = ww + h2 * k1w;
                }
                for (int i = 0; i < n; i++) {
                    double I = cur[i], v2 = tv[i], w2 = tw[i];
                    double k2v = v2 - v2 * v2 * v2 / 3 - w2 + I, k2w = (v2 + a - b * w2) / tau;
                    a2v[i] = k2v;
                    a2w[i] = k2w;
                    tv[i] = v[i] + h2 * k2v;
                    tw[i] = w[i] + h2 * k2w;
                }
                for (int i = 0; i < n; i++) {
                    double I = cur[i], v3 = tv[i], w3 = tw[i];
                    double k3v = v3 - v3 * v3 * v3 / 3 - w3 + I, k3w = (v3 + a - b * w3) / tau;
                    a3v[i] = k3v;
                    a3w[i] = k3w;
                    tv[i] = v[i] + dt * k3v;
                    tw[i] = w[i] + dt * k3w;
                }
                for (int i = 0; i < n; i++) {
                    double I = cur[i], v4 = tv[i], w4 = tw[i];
                    double k4v = v4 - v4 * v4 * v4 / 3 - w4 + I, k4w = (v4 + a - b * w4) / tau;
                    v[i] += h6 * (a1v[i] + 2 * a2v[i] + 2 * a3v[i] + k4v);
                    w[i] += h6 * (a1w[i] + 2 * a2w[i] + 2 * a3w[i] + k4w);
                }
                if (k % every == 0) {
                    for (int i = 0; i < n; i++) {
                        out[s0 + i][row * 2] = v[i];
                        out[s0 + i][row * 2 + 1] = w[i];
                    }
                    row++;
                }
            }
            for (int i = 0; i < n; i++) check += out[s0 + i][(rows - 1) * 2];
        }
        return check;
    }

    /** The same with the whole RK4 step in one loop, everything in registers; FitzHugh-Nagumo RK4 for the chunks first, first + stride, ...; returns a checksum. */
    static double fhnRk4Fused(double[] currents, int first, int stride, int steps, double dt, int every) {
        double tau = 12.5, a = 0.7, b = 0.8;
        int samples = currents.length;
        int chunks = (samples + CHUNK - 1) / CHUNK;
        double[] v = new double[CHUNK], w = new double[CHUNK];
        double[][] out = new double[samples][];
        double check = 0;
        double h2 = 0.5 * dt, h6 = dt / 6;
        for (int c = first; c < chunks; c += stride) {
            int s0 = c * CHUNK, n = Math.min(CHUNK, samples - s0);
            java.util.Arrays.fill(v, -1);
            java.util.Arrays.fill(w, -0.5);
            int rows = steps / every + 1;
            for (int i = 0; i < n; i++) {
                out[s0 + i] = new double[rows * 2];
                out[s0 + i][0] = v[i];
                out[s0 + i][1] = w[i];
            }
            int row = 1;
            for (int k = 1; k <= steps; k++) {
                for (int i = 0; i < n; i++) {
                    double I = currents[s0 + i], vv = v[i], ww = w[i];
                    double k1v = vv - vv * vv * vv / 3 - ww + I, k1w = (vv + a - b * ww) / tau;
                    double v2 = vv + h2 * k1v, w2 = ww + h2 * k1w;
                    double k2v = v2 - v2 * v2 * v2 / 3 - w2 + I, k2w = (v2 + a - b * w2) / tau;
                    double v3 = vv + h2 * k2v, w3 = ww + h2 * k2w;
                    double k3v = v3 - v3 * v3 * v3 / 3 - w3 + I, k3w = (v3 + a - b * w3) / tau;
                    double v4 = vv + dt * k3v, w4 = ww + dt * k3w;
                    double k4v = v4 - v4 * v4 * v4 / 3 - w4 + I, k4w = (v4 + a - b * w4) / tau;
                    v[i] = vv + h6 * (k1v + 2 * k2v + 2 * k3v + k4v);
                    w[i] = ww + h6 * (k1w + 2 * k2w + 2 * k3w + k4w);
                }
                if (k % every == 0) {
                    for (int i = 0; i < n; i++) {
                        out[s0 + i][row * 2] = v[i];
                        out[s0 + i][row * 2 + 1] = w[i];
                    }
                    row++;
                }
            }
            for (int i = 0; i < n; i++) check += out[s0 + i][(rows - 1) * 2];
        }
        return check;
    }

    /**
     * The STG circuit, forward Euler, samples in chunks (first, first + stride, ...), V recorded at
     * every step (one array per sample), then the hub frequency of every sample (the spec's
     * statistic, Spectra.hubFrequencies, as Soma's hub_frequency). g in nS.
     */
    static double stgEuler(double[] gElNs, double[] gSynANs, int first, int stride, int steps, double dt) {
        double cm = 1e-9, vLeak = -0.040, vCa = 0.100, vK = -0.080, vH = -0.020, vSyn = -0.075;
        double v2 = 0.020, v4 = 0.015, v5 = 0.0783, v6 = 0.0105, v7 = -0.0422, v8 = 0.0873, v9 = 0.005, vTh = -0.025;
        double[] gCa = {1.9e-8, 1.9e-8, 1.7e-8, 8.5e-9, 8.5e-9};
        double[] gK = {3.9e-8, 3.9e-8, 1.9e-8, 1.5e-8, 1.5e-8};
        double[] gH = {2.5e-8, 2.5e-8, 8.0e-9, 1.0e-8, 1.0e-8};
        double gLeak = 1e-10, gB = 5e-9;
        double[] v0 = {-0.04169771, -0.04319491, 0.00883992, -0.06879824, 0.03048103};
        double[] n0 = {0.00151316, 0.19784773, 0.56514935, 0.12214069, 0.35290397};
        double[] h0 = {0.08614699, 0.04938177, 0.05568701, 0.07007949, 0.05790969};
        int samples = gElNs.length;
        int chunks = (samples + CHUNK - 1) / CHUNK;
        int L = 5 * CHUNK;
        // neuron-major rows of the chunk: element k of neuron j at j * CHUNK + k
        double[] V = new double[L], N = new double[L], H = new double[L];
        double[] arg = new double[L], mInf = new double[L], nInf = new double[L], hInf = new double[L];
        double[] sInf = new double[L], tauE = new double[L], cosh = new double[L];
        double[] gE = new double[CHUNK], gA = new double[CHUNK], iCpl = new double[L];
        double[] gCaRow = new double[L], gKRow = new double[L], gHRow = new double[L];
        for (int j = 0; j < 5; j++) {
            java.util.Arrays.fill(gCaRow, j * CHUNK, (j + 1) * CHUNK, gCa[j]);
            java.util.Arrays.fill(gKRow, j * CHUNK, (j + 1) * CHUNK, gK[j]);
            java.util.Arrays.fill(gHRow, j * CHUNK, (j + 1) * CHUNK, gH[j]);
        }
        FastMath.Scratch scratch = new FastMath.Scratch(L);
        double[] hub = new double[samples * (steps + 1)];
        double[][] out = new double[samples][];
        for (int c = first; c < chunks; c += stride) {
            int s0 = c * CHUNK, n = Math.min(CHUNK, samples - s0);
            for (int j = 0; j < 5; j++) {
                for (int k = 0; k < CHUNK; k++) {
                    V[j * CHUNK + k] = v0[j];
                    N[j * CHUNK + k] = n0[j];
                    H[j * CHUNK + k] = h0[j];
                }
            }
            for (int k = 0; k < n; k++) {
                gE[k] = gElNs[s0 + k] * 1e-9;
                gA[k] = gSynANs[s0 + k] * 1e-9;
                out[s0 + k] = new double[(steps + 1) * 5];
            }
            record(out, V, s0, n, 0);
            for (int t = 1; t <= steps; t++) {
                for (int e = 0; e < L; e++) arg[e] = V[e] / v2;
                FastMath.tanh(arg, mInf, L, scratch);
                for (int e = 0; e < L; e++) arg[e] = V[e] / v4;
                FastMath.tanh(arg, nInf, L, scratch);
                for (int e = 0; e < L; e++) arg[e] = (V[e] + v5) / v6;
                FastMath.exp(arg, 1, hInf, L, scratch);
                for (int e = 0; e < L; e++) arg[e] = (vTh - V[e]) / v9;
                FastMath.exp(arg, 1, sInf, L, scratch);
                for (int e = 0; e < L; e++) arg[e] = (v7 - V[e]) / v8;
                FastMath.exp(arg, 1, tauE, L, scratch);
                for (int e = 0; e < L; e++) arg[e] = V[e] / (2 * v4);
                FastMath.cosh(arg, cosh, L, scratch);
                for (int e = 0; e < L; e++) sInf[e] = 1 / (1 + sInf[e]); // S_inf from e^((vth - V) / v9)
                // currents between cells (electrical coupling, synapses), one loop per cell
                final int C = CHUNK;
                for (int k = 0; k < n; k++) {
                    double a0 = V[k], a1 = V[C + k], a2 = V[2 * C + k], a3 = V[3 * C + k], a4 = V[4 * C + k];
                    double s0v = sInf[k], s1v = sInf[C + k], s3v = sInf[3 * C + k], s4v = sInf[4 * C + k];
                    iCpl[k] = gB * s1v * (a0 - vSyn);
                    iCpl[C + k] = gE[k] * (a1 - a2) + gB * s0v * (a1 - vSyn);
                    iCpl[2 * C + k] =
                            gE[k] * ((a2 - a1) + (a2 - a4)) + gA[k] * s0v * (a2 - vSyn) + gA[k] * s3v * (a2 - vSyn);
                    iCpl[3 * C + k] = gB * s4v * (a3 - vSyn);
                    iCpl[4 * C + k] = gE[k] * (a4 - a2) + gB * s3v * (a4 - vSyn);
                }
                for (int e = 0; e < L; e++) {
                    double v = V[e];
                    double m = (1 + mInf[e]) / 2, ni = (1 + nInf[e]) / 2, hi = 1 / (1 + hInf[e]);
                    double dv = -(gLeak * (v - vLeak)
                                    + gCaRow[e] * m * (v - vCa)
                                    + gKRow[e] * N[e] * (v - vK)
                                    + gHRow[e] * H[e] * (v - vH)
                                    + iCpl[e])
                            / cm;
                    double dn = 2 * cosh[e] * (ni - N[e]);
                    double tauH = (272 + 1499 / (1 + tauE[e])) / 1000;
                    double dh = (hi - H[e]) / tauH;
                    V[e] = v + dt * dv;
                    N[e] += dt * dn;
                    H[e] += dt * dh;
                }
                record(out, V, s0, n, t);
            }
        }
        for (int s = first * CHUNK; s < samples; s++) {
            if ((s / CHUNK - first) % stride != 0) continue;
            for (int t = 0; t <= steps; t++) hub[s * (steps + 1) + t] = out[s][t * 5 + 2];
        }
        double[] f = Spectra.hubFrequencies(hub, samples, steps + 1, new Spectra.HubOptions(dt, 40, 40, 100, 1, 101));
        double check = 0;
        for (double x : f) check += x;
        return check;
    }

    private static void record(double[][] out, double[] V, int s0, int n, int t) {
        for (int j = 0; j < 5; j++) for (int k = 0; k < n; k++) out[s0 + k][t * 5 + j] = V[j * CHUNK + k];
    }
}
