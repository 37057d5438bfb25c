package soma.optim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import soma.autodiff.Gradients.ValueAndGrad;
import soma.runtime.SomaError;

/**
 * First-order minimisers over a value-and-gradient oracle: Adam (Kingma and Ba), gradient
 * descent with momentum, and L-BFGS (two-loop recursion, memory 10, strong Wolfe line search;
 * Nocedal and Wright, Algorithm 7.4). x is a flat vector of doubles.
 */
public final class Minimizers {
    private Minimizers() {}

    public record Result(double[] x, double value, int iterations, boolean converged) {}

    public record Options(String method, double lr, int iterations, double momentum, double tolerance) {}

    public static Result minimize(Function<double[], ValueAndGrad> f, double[] x0, Options o) {
        return switch (o.method()) {
            case "adam" -> adam(f, x0.clone(), o);
            case "sgd" -> sgd(f, x0.clone(), o);
            case "lbfgs" -> lbfgs(f, x0.clone(), o);
            default ->
                throw new SomaError(
                        "minimize: method must be \"adam\", \"sgd\" or \"lbfgs\", got \"" + o.method() + "\"");
        };
    }

    private static double maxAbs(double[] g) {
        double m = 0;
        for (double v : g) m = Math.max(m, Math.abs(v));
        return m;
    }

    private static Result adam(Function<double[], ValueAndGrad> f, double[] x, Options o) {
        Adam adam = new Adam(x.length, o.lr());
        ValueAndGrad vg = f.apply(x);
        int it = 0;
        while (it < o.iterations() && maxAbs(vg.gradient().realData()) > o.tolerance()) {
            it++;
            adam.step(x, vg.gradient().realData());
            vg = f.apply(x);
        }
        return new Result(x, vg.value(), it, maxAbs(vg.gradient().realData()) <= o.tolerance());
    }

    private static Result sgd(Function<double[], ValueAndGrad> f, double[] x, Options o) {
        int n = x.length;
        double[] velocity = new double[n];
        ValueAndGrad vg = f.apply(x);
        int it = 0;
        while (it < o.iterations() && maxAbs(vg.gradient().realData()) > o.tolerance()) {
            it++;
            double[] g = vg.gradient().realData();
            for (int i = 0; i < n; i++) {
                velocity[i] = o.momentum() * velocity[i] - o.lr() * g[i];
                x[i] += velocity[i];
            }
            vg = f.apply(x);
        }
        return new Result(x, vg.value(), it, maxAbs(vg.gradient().realData()) <= o.tolerance());
    }

    private static Result lbfgs(Function<double[], ValueAndGrad> f, double[] x, Options o) {
        int n = x.length;
        Deque<double[]> ss = new ArrayDeque<>(), ys = new ArrayDeque<>();
        ValueAndGrad vg = f.apply(x);
        double[] g = vg.gradient().realData().clone();
        int it = 0;
        while (it < o.iterations() && maxAbs(g) > o.tolerance()) {
            it++;
            double[] d = direction(g, ss, ys);
            double slope = dot(g, d);
            if (slope >= 0) { // not a descent direction: restart from steepest descent
                ss.clear();
                ys.clear();
                for (int i = 0; i < n; i++) d[i] = -g[i];
                slope = dot(g, d);
            }
            Step found = wolfe(f, x, d, vg, slope);
            double[] trial = found.x();
            ValueAndGrad next = found.at();
            double step = found.step();
            double[] gNext = next.gradient().realData().clone();
            double[] s = new double[n], y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = trial[i] - x[i];
                y[i] = gNext[i] - g[i];
            }
            if (dot(s, y)
                    > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) { // keep the curvature pair only if it is positive
                ss.addLast(s);
                ys.addLast(y);
                if (ss.size() > 10) {
                    ss.removeFirst();
                    ys.removeFirst();
                }
            }
            if (!(next.value() < vg.value())) break; // no progress possible along any direction we can find
            x = trial.clone();
            vg = next;
            g = gNext;
        }
        return new Result(x, vg.value(), it, maxAbs(g) <= o.tolerance());
    }

    private record Step(double step, double[] x, ValueAndGrad at) {}

    /**
     * A step along d satisfying the strong Wolfe conditions (sufficient decrease, c1 = 1e-4, and
     * curvature, c2 = 0.9), by bracketing and bisection-zoom (Nocedal and Wright, Algorithms 3.5
     * and 3.6). The curvature condition keeps s.y > 0, so the quasi-Newton memory stays positive definite.
     */
    private static Step wolfe(
            Function<double[], ValueAndGrad> f, double[] x, double[] d, ValueAndGrad at0, double slope0) {
        double c1 = 1e-4, c2 = 0.9;
        double lo = 0, hi = Double.NaN, step = 1;
        Step best = new Step(0, x.clone(), at0);
        double fLo = at0.value();
        for (int k = 0; k < 60; k++) {
            double[] trial = new double[x.length];
            for (int i = 0; i < x.length; i++) trial[i] = x[i] + step * d[i];
            ValueAndGrad at = f.apply(trial);
            double slope = dot(at.gradient().realData(), d);
            Step here = new Step(step, trial, at);
            if (!(at.value() <= at0.value() + c1 * step * slope0) || at.value() >= fLo && k > 0) {
                hi = step; // too far: the minimum along d is before this step
            } else {
                if (Math.abs(slope) <= -c2 * slope0) return here;
                best = here;
                fLo = at.value();
                if (slope >= 0) hi = lo;
                lo = step;
            }
            step = Double.isNaN(hi) ? 2 * step : (lo + hi) / 2;
            if (!Double.isNaN(hi) && Math.abs(hi - lo) < 1e-16 * Math.max(1, Math.abs(lo))) break;
        }
        return best.step() > 0 ? best : new Step(step, add(x, d, step), f.apply(add(x, d, step)));
    }

    private static double[] add(double[] x, double[] d, double step) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) out[i] += step * d[i];
        return out;
    }

    /** -H g by the two-loop recursion over the stored (s, y) pairs. */
    private static double[] direction(double[] g, Deque<double[]> ss, Deque<double[]> ys) {
        int n = g.length;
        double[] q = g.clone();
        int k = ss.size();
        double[] alpha = new double[k];
        double[][] s = ss.toArray(new double[0][]);
        double[][] y = ys.toArray(new double[0][]);
        for (int i = k - 1; i >= 0; i--) {
            alpha[i] = dot(s[i], q) / dot(y[i], s[i]);
            for (int j = 0; j < n; j++) q[j] -= alpha[i] * y[i][j];
        }
        double gamma = k == 0 ? 1 : dot(s[k - 1], y[k - 1]) / dot(y[k - 1], y[k - 1]);
        for (int j = 0; j < n; j++) q[j] *= gamma;
        for (int i = 0; i < k; i++) {
            double beta = dot(y[i], q) / dot(y[i], s[i]);
            for (int j = 0; j < n; j++) q[j] += s[i][j] * (alpha[i] - beta);
        }
        for (int j = 0; j < n; j++) q[j] = -q[j];
        return q;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
