package soma.bench;

import java.util.Arrays;

/**
 * The Jacobian of the STG right-hand side (15 x 15, state order V0..V4, N0..N4, H0..H4) derived
 * by hand from docs/stg.md: the yardstick for Soma's symbolic Jacobian.
 */
final class StgJacobian {
    private StgJacobian() {}

    static void jacobian(double[] y, double gElNs, double gSynANs, double[] out) {
        double cm = 1e-9, vCa = 0.100, vK = -0.080, vH = -0.020, vSyn = -0.075;
        double v2 = 0.020, v4 = 0.015, v5 = 0.0783, v6 = 0.0105, v7 = -0.0422, v8 = 0.0873, v9 = 0.005, vTh = -0.025;
        double[] gCa = {1.9e-8, 1.9e-8, 1.7e-8, 8.5e-9, 8.5e-9};
        double[] gK = {3.9e-8, 3.9e-8, 1.9e-8, 1.5e-8, 1.5e-8};
        double[] gH = {2.5e-8, 2.5e-8, 8.0e-9, 1.0e-8, 1.0e-8};
        double gLeak = 1e-10, gB = 5e-9, gEl = gElNs * 1e-9, gA = gSynANs * 1e-9;
        Arrays.fill(out, 0);
        double[] s = new double[5], ds = new double[5];
        for (int i = 0; i < 5; i++) {
            s[i] = 1 / (1 + Math.exp((vTh - y[i]) / v9));
            ds[i] = s[i] * (1 - s[i]) / v9;
        }
        for (int i = 0; i < 5; i++) {
            double v = y[i], n = y[5 + i], h = y[10 + i];
            double tm = Math.tanh(v / v2);
            double m = (1 + tm) / 2, dm = (1 - tm * tm) / (2 * v2);
            // d(sum of currents)/dV_i from the neuron's own currents
            double dI = gLeak + gCa[i] * (dm * (v - vCa) + m) + gK[i] * n + gH[i] * h;
            out[i * 15 + i] += -dI / cm;
            out[i * 15 + 5 + i] = -gK[i] * (v - vK) / cm;
            out[i * 15 + 10 + i] = -gH[i] * (v - vH) / cm;
            // dN/dt = 2 cosh(v / (2 v4)) (N_inf - N)
            double tn = Math.tanh(v / v4);
            double nInf = (1 + tn) / 2, dnInf = (1 - tn * tn) / (2 * v4);
            double c = Math.cosh(v / (2 * v4)), sh = Math.sinh(v / (2 * v4)) / (2 * v4);
            out[(5 + i) * 15 + i] = 2 * (sh * (nInf - n) + c * dnInf);
            out[(5 + i) * 15 + 5 + i] = -2 * c;
            // dH/dt = (H_inf - H) / tau_h
            double hInf = 1 / (1 + Math.exp((v + v5) / v6)), dhInf = -hInf * (1 - hInf) / v6;
            double q = 1 / (1 + Math.exp((v7 - v) / v8)), dq = q * (1 - q) / v8;
            double tau = (272 + 1499 * q) / 1000, dtau = 1499 * dq / 1000;
            out[(10 + i) * 15 + i] = dhInf / tau - (hInf - h) * dtau / (tau * tau);
            out[(10 + i) * 15 + 10 + i] = -1 / tau;
        }
        // electrical coupling: f2-hub and hub-s2
        double e = gEl / cm;
        out[1 * 15 + 1] -= e;
        out[1 * 15 + 2] += e;
        out[2 * 15 + 2] -= 2 * e;
        out[2 * 15 + 1] += e;
        out[2 * 15 + 4] += e;
        out[4 * 15 + 4] -= e;
        out[4 * 15 + 2] += e;
        // synapses: I_syn[i] = g * S_j (V_i - V_syn)
        syn(out, 0, 1, gB, s, ds, y, vSyn, cm);
        syn(out, 1, 0, gB, s, ds, y, vSyn, cm);
        syn(out, 2, 0, gA, s, ds, y, vSyn, cm);
        syn(out, 2, 3, gA, s, ds, y, vSyn, cm);
        syn(out, 3, 4, gB, s, ds, y, vSyn, cm);
        syn(out, 4, 3, gB, s, ds, y, vSyn, cm);
    }

    private static void syn(
            double[] out, int post, int pre, double g, double[] s, double[] ds, double[] y, double vSyn, double cm) {
        out[post * 15 + post] -= g * s[pre] / cm;
        out[post * 15 + pre] -= g * ds[pre] * (y[post] - vSyn) / cm;
    }
}
