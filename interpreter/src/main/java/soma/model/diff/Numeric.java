package soma.model.diff;

import java.util.function.Function;
import soma.model.CompiledModel;
import soma.model.ir.Expr;
import soma.runtime.SomaError;
import soma.tensor.Tensor;

/** Evaluates a symbolic derivative to an (m x n) matrix, given the values of its coefficients. */
final class Numeric {
    private final CompiledModel model;
    private final Function<Expr, Object> value;

    Numeric(CompiledModel model, Function<Expr, Object> value) {
        this.model = model;
        this.value = value;
    }

    double scalar(Expr e) {
        Object v = value.apply(e);
        if (v instanceof Double x) return x;
        if (v instanceof Boolean b) return b ? 1 : 0;
        throw new SomaError("expected a number in a derivative");
    }

    private double[] values(Expr e) {
        Object v = value.apply(e);
        if (v instanceof Double x) return new double[] {x};
        if (v instanceof Boolean b) return new double[] {b ? 1 : 0};
        return ((Tensor) v).realData();
    }

    /** The rows of d; a result with one row broadcasts. @param rows expected rows, or -1 if unknown */
    double[][] eval(Deriv d, int rows) {
        double[][] m = eval(d);
        if (m == null) return new double[Math.max(1, rows)][model.stateSize];
        return m;
    }

    /** null stands for zero (of any height). */
    private double[][] eval(Deriv d) {
        int n = model.stateSize;
        return switch (d) {
            case Deriv.Zero z -> null;
            case Deriv.Identity i -> {
                int s = model.indexOf(i.state());
                double[][] out = new double[model.sizes[s]][n];
                for (int k = 0; k < out.length; k++) out[k][model.offsets[s] + k] = 1;
                yield out;
            }
            case Deriv.Scale s -> {
                double[][] inner = eval(s.inner());
                if (inner == null) yield null;
                double[] c = values(s.coefficient());
                int m = Math.max(c.length, inner.length);
                double[][] out = new double[m][n];
                for (int r = 0; r < m; r++) {
                    double f = c[c.length == 1 ? 0 : r];
                    double[] row = inner[inner.length == 1 ? 0 : r];
                    for (int j = 0; j < n; j++) out[r][j] = f * row[j];
                }
                yield out;
            }
            case Deriv.MatTimes mt -> {
                double[][] inner = eval(mt.inner());
                if (inner == null) yield null;
                Tensor w = (Tensor) value.apply(mt.matrix());
                int rows = w.shape()[0];
                int cols = w.shape()[1];
                double[] wd = w.realData();
                double[][] out = new double[rows][n];
                for (int r = 0; r < rows; r++) {
                    for (int k = 0; k < cols; k++) {
                        double f = wd[r * cols + k];
                        if (f == 0) continue;
                        double[] row = inner[inner.length == 1 ? 0 : k];
                        for (int j = 0; j < n; j++) out[r][j] += f * row[j];
                    }
                }
                yield out;
            }
            case Deriv.Plus p -> {
                double[][] a = eval(p.a());
                double[][] b = eval(p.b());
                if (a == null) yield b;
                if (b == null) yield a;
                int m = Math.max(a.length, b.length);
                double[][] out = new double[m][n];
                for (int r = 0; r < m; r++) {
                    double[] x = a[a.length == 1 ? 0 : r];
                    double[] y = b[b.length == 1 ? 0 : r];
                    for (int j = 0; j < n; j++) out[r][j] = x[j] + y[j];
                }
                yield out;
            }
            case Deriv.Row w -> {
                double[][] inner = eval(w.inner());
                if (inner == null) yield null;
                int k = (int) scalar(w.key());
                if (inner.length == 1) yield inner;
                yield new double[][] {inner[k < 0 ? k + inner.length : k].clone()};
            }
            case Deriv.Stack st -> {
                double[][] out = new double[st.rows().size()][];
                for (int r = 0; r < out.length; r++) {
                    double[][] row = eval(st.rows().get(r));
                    out[r] = row == null ? new double[n] : row[0];
                }
                yield out;
            }
            case Deriv.SumRows sr -> {
                double[][] inner = eval(sr.inner());
                if (inner == null) yield null;
                double[] out = new double[n];
                for (double[] row : inner) for (int j = 0; j < n; j++) out[j] += row[j];
                if (sr.mean()) for (int j = 0; j < n; j++) out[j] /= inner.length;
                yield new double[][] {out};
            }
        };
    }
}
