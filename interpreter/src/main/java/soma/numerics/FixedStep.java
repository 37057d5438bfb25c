package soma.numerics;

import soma.model.nodes.Rhs;

/** Fixed-step methods: forward Euler (order 1) and the classical Runge-Kutta method (order 4). */
final class FixedStep {
    private FixedStep() {}

    static final class Euler extends StepNode {
        Euler(Rhs rhs) {
            super(rhs);
        }

        @Override
        boolean step(Run r) {
            if (r.step >= r.steps) return false;
            double t = r.t0 + r.step * r.dt;
            double[] y = r.y;
            double[] k = r.stages[0];
            f(r, t, y, k);
            double h = r.dt;
            for (int i = 0; i < y.length; i++) y[i] += h * k[i];
            r.step++;
            checkFinite(r, t + h);
            maybeRecord(r);
            return true;
        }
    }

    static final class Rk4 extends StepNode {
        Rk4(Rhs rhs) {
            super(rhs);
        }

        @Override
        boolean step(Run r) {
            if (r.step >= r.steps) return false;
            double h = r.dt;
            double t = r.t0 + r.step * h;
            double[] y = r.y;
            double[] tmp = r.tmp;
            double[] k1 = r.stages[0];
            double[] k2 = r.stages[1];
            double[] k3 = r.stages[2];
            double[] k4 = r.stages[3];
            int n = y.length;
            f(r, t, y, k1);
            for (int i = 0; i < n; i++) tmp[i] = y[i] + 0.5 * h * k1[i];
            f(r, t + 0.5 * h, tmp, k2);
            for (int i = 0; i < n; i++) tmp[i] = y[i] + 0.5 * h * k2[i];
            f(r, t + 0.5 * h, tmp, k3);
            for (int i = 0; i < n; i++) tmp[i] = y[i] + h * k3[i];
            f(r, t + h, tmp, k4);
            for (int i = 0; i < n; i++) y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            r.step++;
            checkFinite(r, t + h);
            maybeRecord(r);
            return true;
        }
    }
}
