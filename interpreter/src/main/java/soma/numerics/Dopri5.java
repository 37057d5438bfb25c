package soma.numerics;

import com.oracle.truffle.api.CompilerDirectives;
import soma.model.nodes.Rhs;

/**
 * Dormand-Prince 5(4) with error control (Hairer, Norsett and Wanner, Solving ODEs I, II.4):
 * the local error estimate is the difference of the embedded 4th- and 5th-order solutions,
 * measured against atol + rtol |y|; steps are shortened so that every output time
 * t0 + k * every * dt is hit exactly, which keeps recordings on the same grid as fixed-step runs.
 * One iteration of the loop is one attempted step.
 */
final class Dopri5 extends StepNode {
    private static final double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168,
            A62 = -355.0 / 33,
            A63 = 46732.0 / 5247,
            A64 = 49.0 / 176,
            A65 = -5103.0 / 18656;
    private static final double B1 = 35.0 / 384,
            B3 = 500.0 / 1113,
            B4 = 125.0 / 192,
            B5 = -2187.0 / 6784,
            B6 = 11.0 / 84;
    private static final double E1 = 71.0 / 57600,
            E3 = -71.0 / 16695,
            E4 = 71.0 / 1920,
            E5 = -17253.0 / 339200,
            E6 = 22.0 / 525,
            E7 = -1.0 / 40;
    static final long MAX_ATTEMPTS = 50_000_000L;

    Dopri5(Rhs rhs) {
        super(rhs);
    }

    @Override
    boolean step(Run r) {
        long outputs = r.steps / r.every;
        double interval = r.dt * r.every;
        double tEnd = r.t0 + outputs * interval;
        if (r.t >= tEnd || r.rows > outputs) return false;
        double[] y = r.y;
        int n = y.length;
        double[] k1 = r.stages[0], k2 = r.stages[1], k3 = r.stages[2], k4 = r.stages[3];
        double[] k5 = r.stages[4], k6 = r.stages[5], k7 = r.stages[6], ynew = r.stages[7];
        double[] tmp = r.tmp;
        double t = r.t;
        if (r.h == 0) r.h = Math.min(interval, initialStep(r, t, y, k1, tmp));
        double nextOutput = r.t0 + r.rows * interval;
        double h = Math.min(r.h, nextOutput - t);
        boolean hitsOutput = h >= nextOutput - t;
        f(r, t, y, k1);
        for (int i = 0; i < n; i++) tmp[i] = y[i] + h * A21 * k1[i];
        f(r, t + C2 * h, tmp, k2);
        for (int i = 0; i < n; i++) tmp[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
        f(r, t + C3 * h, tmp, k3);
        for (int i = 0; i < n; i++) tmp[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
        f(r, t + C4 * h, tmp, k4);
        for (int i = 0; i < n; i++) tmp[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
        f(r, t + C5 * h, tmp, k5);
        for (int i = 0; i < n; i++)
            tmp[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
        f(r, t + h, tmp, k6);
        for (int i = 0; i < n; i++)
            ynew[i] = y[i] + h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
        f(r, t + h, ynew, k7);
        double err = 0;
        for (int i = 0; i < n; i++) {
            double e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
            double scale = r.atol + r.rtol * Math.max(Math.abs(y[i]), Math.abs(ynew[i]));
            err += (e / scale) * (e / scale);
        }
        err = Math.sqrt(err / n);
        r.attempts++;
        double factor = err == 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
        if (err != err) {
            CompilerDirectives.transferToInterpreter();
            throw new Divergence(r.sample, t, firstNonFinite(ynew), "became NaN");
        }
        if (err <= 1) {
            System.arraycopy(ynew, 0, y, 0, n);
            r.t = hitsOutput ? nextOutput : t + h;
            checkFinite(r, r.t);
            if (hitsOutput) r.record();
            if (!hitsOutput || h == r.h) r.h = h * factor;
        } else {
            r.h = h * Math.max(0.2, factor);
        }
        if (r.h < 1e-14 * Math.max(1, Math.abs(t)) || r.attempts > MAX_ATTEMPTS) {
            CompilerDirectives.transferToInterpreter();
            throw new Divergence(
                    r.sample,
                    t,
                    -1,
                    r.attempts > MAX_ATTEMPTS
                            ? "needed more than " + MAX_ATTEMPTS + " steps (the problem may be stiff)"
                            : "step size underflow (h = " + r.h + "; the problem may be stiff or singular)");
        }
        return true;
    }

    private static int firstNonFinite(double[] y) {
        int i = 0;
        while (i < y.length && Double.isFinite(y[i])) i++;
        return Math.min(i, y.length - 1);
    }

    /** Hairer's starting step: from the sizes of y and f(t, y), then one Euler probe. */
    private double initialStep(Run r, double t, double[] y, double[] f0, double[] tmp) {
        f(r, t, y, f0);
        int n = y.length;
        double d0 = 0, d1 = 0;
        for (int i = 0; i < n; i++) {
            double sc = r.atol + r.rtol * Math.abs(y[i]);
            d0 += (y[i] / sc) * (y[i] / sc);
            d1 += (f0[i] / sc) * (f0[i] / sc);
        }
        d0 = Math.sqrt(d0 / n);
        d1 = Math.sqrt(d1 / n);
        double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
        for (int i = 0; i < n; i++) tmp[i] = y[i] + h0 * f0[i];
        double[] f1 = r.stages[7];
        f(r, t + h0, tmp, f1);
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            double sc = r.atol + r.rtol * Math.abs(y[i]);
            d2 += ((f1[i] - f0[i]) / sc) * ((f1[i] - f0[i]) / sc);
        }
        d2 = Math.sqrt(d2 / n) / h0;
        double h1 = Math.max(d1, d2) <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / Math.max(d1, d2), 0.2);
        return Math.min(100 * h0, h1);
    }
}
