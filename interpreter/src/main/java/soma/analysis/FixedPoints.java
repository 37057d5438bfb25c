package soma.analysis;

import java.util.ArrayList;
import java.util.List;
import soma.linalg.Linalg;
import soma.model.diff.JacobianBuilder;
import soma.random.Rng;
import soma.runtime.SomaError;
import soma.tensor.Tensor;
import soma.tensor.TensorException;

/**
 * Fixed points of an ode, f(x) = 0, from several starts: Newton's method with a backtracking
 * line search on |f|^2 (exact symbolic Jacobian), or Adam on the mean squared rate |f|^2 / n with
 * the exact gradient 2 J^T f / n (the homework's approach). Results are de-duplicated and classified.
 */
public final class FixedPoints {
    private FixedPoints() {}

    /** One start's outcome: where it began and ended, the final loss |f|^2, and whether f vanished there. */
    public record Run(double[] start, double[] end, double loss, boolean converged) {}

    public record Options(
            String method, int starts, double[] lo, double[] hi, double lr, int iterations, double tolerance) {}

    public static List<Run> search(JacobianBuilder.Prepared f, Options o, Rng rng) {
        int n = f.model().stateSize;
        if (o.lo().length != n)
            throw new SomaError("fixed_points: the box has " + o.lo().length + " dimensions but the model has " + n
                    + " state elements");
        List<Run> runs = new ArrayList<>();
        for (int k = 0; k < o.starts(); k++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = o.lo()[i] + (o.hi()[i] - o.lo()[i]) * rng.nextDouble();
            double[] start = x.clone();
            double[] end = switch (o.method()) {
                case "newton" -> newton(f, x, o);
                case "adam" -> adam(f, x, o);
                default ->
                    throw new SomaError(
                            "fixed_points: method must be \"newton\" or \"adam\", got \"" + o.method() + "\"");
            };
            double loss = loss(f.rates(end, 0));
            runs.add(new Run(start, end, loss, Math.sqrt(loss * n) <= Math.max(1e-8, o.tolerance())));
        }
        return runs;
    }

    /** The mean of the squared rates (PyTorch's MSELoss against zero, as in the homework). */
    static double loss(double[] r) {
        double s = 0;
        for (double v : r) s += v * v;
        return s / r.length;
    }

    private static double[] newton(JacobianBuilder.Prepared f, double[] x, Options o) {
        double[] r = f.rates(x, 0);
        for (int it = 0; it < Math.max(o.iterations(), 1) && Math.sqrt(loss(r) * r.length) > o.tolerance(); it++) {
            Tensor j = f.jacobian(x, 0);
            double[] step;
            try {
                Tensor minusR = new Tensor(new int[] {r.length}, r.clone()).neg();
                step = Linalg.solve(j, minusR).realData();
            } catch (TensorException singular) {
                break; // a singular Jacobian: this start cannot go on
            }
            double alpha = 1;
            double before = loss(r);
            double[] trial = new double[x.length];
            double[] rTrial;
            while (true) {
                for (int i = 0; i < x.length; i++) trial[i] = x[i] + alpha * step[i];
                rTrial = f.rates(trial, 0);
                if (loss(rTrial) <= (1 - 1e-4 * alpha) * before || alpha < 1e-10) break;
                alpha /= 2;
            }
            if (!(loss(rTrial) < before)) break;
            x = trial.clone();
            r = rTrial;
        }
        return x;
    }

    private static double[] adam(JacobianBuilder.Prepared f, double[] x, Options o) {
        int n = x.length;
        double[] m = new double[n];
        double[] v = new double[n];
        double b1 = 0.9, b2 = 0.999, eps = 1e-8;
        for (int it = 1; it <= o.iterations(); it++) {
            double[] r = f.rates(x, 0);
            double[] jd = f.jacobian(x, 0).realData();
            for (int i = 0; i < n; i++) {
                double g = 0;
                for (int k = 0; k < n; k++) g += 2.0 / n * jd[k * n + i] * r[k]; // gradient of |f|^2 / n = 2 J^T f / n
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mh = m[i] / (1 - Math.pow(b1, it));
                double vh = v[i] / (1 - Math.pow(b2, it));
                x[i] -= o.lr() * mh / (Math.sqrt(vh) + eps);
            }
        }
        return x;
    }

    /** Converged ends, each once (within a relative distance of 1e-6). */
    public static List<double[]> distinct(List<Run> runs) {
        List<double[]> out = new ArrayList<>();
        for (Run r : runs) {
            if (!r.converged()) continue;
            boolean seen = false;
            for (double[] p : out) seen |= distance(p, r.end()) <= 1e-6 * (1 + norm(p));
            if (!seen) out.add(r.end());
        }
        return out;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }

    private static double norm(double[] a) {
        return distance(a, new double[a.length]);
    }
}
