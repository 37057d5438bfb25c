package soma.stg;

/**
 * An independent plain-Java implementation of the STG circuit and the hub-frequency statistic,
 * written directly from docs/stg.md (scalar loops, no shared code with Soma), to check
 * the Soma model and builtin against.
 */
final class StgReference {
    private StgReference() {}

    static final double[] V0 = {-0.04169771, -0.04319491, 0.00883992, -0.06879824, 0.03048103};
    static final double[] N0 = {0.00151316, 0.19784773, 0.56514935, 0.12214069, 0.35290397};
    static final double[] H0 = {0.08614699, 0.04938177, 0.05568701, 0.07007949, 0.05790969};

    /** V of the five neurons at steps 0..T (forward Euler). */
    static double[][] simulate(double gElNs, double gSynANs, int steps, double dt) {
        double cm = 1e-9, vLeak = -0.040, vCa = 0.100, vK = -0.080, vH = -0.020, vSyn = -0.075;
        double v1 = 0,
                v2 = 0.020,
                v3 = 0,
                v4 = 0.015,
                v5 = 0.0783,
                v6 = 0.0105,
                v7 = -0.0422,
                v8 = 0.0873,
                v9 = 0.005,
                vTh = -0.025;
        double phiN = 2;
        double[] gCa = {1.9e-8, 1.9e-8, 1.7e-8, 8.5e-9, 8.5e-9};
        double[] gK = {3.9e-8, 3.9e-8, 1.9e-8, 1.5e-8, 1.5e-8};
        double[] gH = {2.5e-8, 2.5e-8, 8.0e-9, 1.0e-8, 1.0e-8};
        double gLeak = 1e-10;
        double gEl = gElNs * 1e-9, gA = gSynANs * 1e-9, gB = 5e-9;
        double[] v = V0.clone(), n = N0.clone(), h = H0.clone();
        double[][] out = new double[steps + 1][];
        out[0] = v.clone();
        for (int k = 1; k <= steps; k++) {
            double[] s = new double[5];
            for (int i = 0; i < 5; i++) s[i] = 1 / (1 + Math.exp((vTh - v[i]) / v9));
            double[] iEl = {0, gEl * (v[1] - v[2]), gEl * ((v[2] - v[1]) + (v[2] - v[4])), 0, gEl * (v[4] - v[2])};
            double[] iSyn = {
                gB * s[1] * (v[0] - vSyn),
                gB * s[0] * (v[1] - vSyn),
                gA * s[0] * (v[2] - vSyn) + gA * s[3] * (v[2] - vSyn),
                gB * s[4] * (v[3] - vSyn),
                gB * s[3] * (v[4] - vSyn)
            };
            double[] nv = new double[5], nn = new double[5], nh = new double[5];
            for (int i = 0; i < 5; i++) {
                double mInf = (1 + Math.tanh((v[i] - v1) / v2)) / 2;
                double nInf = (1 + Math.tanh((v[i] - v3) / v4)) / 2;
                double hInf = 1 / (1 + Math.exp((v[i] + v5) / v6));
                double iLeak = gLeak * (v[i] - vLeak);
                double iCa = gCa[i] * mInf * (v[i] - vCa);
                double iK = gK[i] * n[i] * (v[i] - vK);
                double iH = gH[i] * h[i] * (v[i] - vH);
                double dv = -(iLeak + iCa + iK + iH + iEl[i] + iSyn[i]) / cm;
                double dn = phiN * Math.cosh((v[i] - v3) / (2 * v4)) * (nInf - n[i]);
                double tauH = (272 + 1499 / (1 + Math.exp((v7 - v[i]) / v8))) / 1000;
                double dh = (hInf - h[i]) / tauH;
                nv[i] = v[i] + dt * dv;
                nn[i] = n[i] + dt * dn;
                nh[i] = h[i] + dt * dh;
            }
            v = nv;
            n = nn;
            h = nh;
            out[k] = v.clone();
        }
        return out;
    }

    /** The spec's statistic, with cos/sin evaluated term by term. */
    static double hubFrequency(double[] trace, double dt) {
        int start = 40, w = 40;
        double alpha = 100;
        int m = trace.length - start;
        double[] r = new double[m];
        for (int i = 0; i < m; i++) r[i] = Math.max(trace[start + i] + 0.01, 0) - 0.01;
        int len = m - w + 1;
        double[] x = new double[len];
        for (int i = 0; i < len; i++) {
            double s = 0;
            for (int j = 0; j < w; j++) s += r[i + j];
            x[i] = s / w;
        }
        double mean = 0;
        for (double xi : x) mean += xi;
        mean /= len;
        double[] mag = new double[101];
        double fs = 1 / dt;
        for (int q = 0; q < 101; q++) {
            double f = q / 100.0;
            double k = len * f / fs;
            double re = 0, im = 0;
            for (int t = 0; t < len; t++) {
                re += (x[t] - mean) * Math.cos(2 * Math.PI * k * t / len);
                im -= (x[t] - mean) * Math.sin(2 * Math.PI * k * t / len);
            }
            mag[q] = Math.sqrt(re * re + im * im);
        }
        double top = 0;
        for (double a : mag) top = Math.max(top, a);
        double num = 0, den = 0;
        for (int q = 0; q < 101; q++) {
            double p = Math.pow(mag[q] / top, alpha);
            num += q / 100.0 * p;
            den += p;
        }
        return num / den;
    }

    /**
     * The EPI paper's statistic (their code: cunningham-lab/epi, epi/STG_Circuit.py), term by
     * term: drop 20 samples, relu at 0 V, each window of 20 averaged on its own, mean removed, DFT
     * at 0, 0.01, ..., 1 Hz, f = 0.01 sum_k k softmax(beta |X|)_k.
     */
    static double paperHubFrequency(double[] trace, double dt, double beta) {
        int start = 20, w = 20;
        int len = trace.length - start - w + 1;
        double[] x = new double[len];
        for (int i = 0; i < len; i++) {
            double s = 0;
            for (int j = 0; j < w; j++) s += Math.max(trace[start + i + j], 0);
            x[i] = s / w;
        }
        double mean = 0;
        for (double xi : x) mean += xi;
        mean /= len;
        double[] mag = new double[101];
        for (int q = 0; q < 101; q++) {
            double re = 0, im = 0;
            for (int t = 0; t < len; t++) {
                re += (x[t] - mean) * Math.cos(2 * Math.PI * (q / 100.0) * t * dt);
                im -= (x[t] - mean) * Math.sin(2 * Math.PI * (q / 100.0) * t * dt);
            }
            mag[q] = Math.hypot(re, im);
        }
        double top = 0;
        for (double a : mag) top = Math.max(top, a);
        double num = 0, den = 0;
        for (int q = 0; q < 101; q++) {
            double p = Math.exp(beta * (mag[q] - top));
            num += q * p;
            den += p;
        }
        return 0.01 * num / den;
    }
}
