package soma.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import soma.runtime.Printer;

/**
 * Support map onto the box (lo, hi): f(z) = lo + (hi - lo) sigmoid(z), or with {@code tanh},
 * f(z) = (lo + hi) / 2 + (hi - lo) / 2 tanh(z). Log-derivatives are written with softplus so
 * they stay finite far in the tails.
 */
final class BoxSupport extends Elementwise {
    private final double[] lo, hi;
    private final boolean tanh;

    BoxSupport(int dim, double[] lo, double[] hi, boolean tanh) {
        super(dim);
        this.lo = lo;
        this.hi = hi;
        this.tanh = tanh;
    }

    @Override
    public String kind() {
        return "box";
    }

    @Override
    double value(int j, double z) {
        double w = hi[j] - lo[j];
        return tanh ? (lo[j] + hi[j]) / 2 + w / 2 * Math.tanh(z) : lo[j] + w * sigmoid(z);
    }

    @Override
    double derivative(int j, double z) {
        double w = hi[j] - lo[j];
        if (tanh) {
            double t = Math.tanh(z);
            return w / 2 * (1 - t * t);
        }
        double s = sigmoid(z);
        return w * s * (1 - s);
    }

    @Override
    double logDerivative(int j, double z) {
        double w = hi[j] - lo[j];
        // log(sigmoid(z)(1 - sigmoid(z))) = -softplus(-z) - softplus(z); 1 - tanh^2 = 4 sigmoid(2z) sigmoid(-2z)
        if (!tanh && Math.abs(z) < 30) {
            double s = sigmoid(z);
            return Math.log(w * s * (1 - s)); // one exp and one log; the softplus form below is for the far tails
        }
        return tanh
                ? Math.log(w / 2) + Math.log(4) - softplus(-2 * z) - softplus(2 * z)
                : Math.log(w) - softplus(-z) - softplus(z);
    }

    @Override
    double logDerivativeSlope(int j, double z) {
        return tanh ? -2 * Math.tanh(z) : 1 - 2 * sigmoid(z);
    }

    @Override
    double inverse(int j, double y) {
        double u = (y - lo[j]) / (hi[j] - lo[j]);
        return tanh ? 0.5 * Math.log(u / (1 - u)) : Math.log(u) - Math.log1p(-u);
    }

    @Override
    public Map<String, Object> options() {
        return Map.of("lo", list(lo), "hi", list(hi), "map", tanh ? "tanh" : "sigmoid");
    }

    static List<Object> list(double[] v) {
        List<Object> l = new ArrayList<>();
        for (double x : v) l.add(x);
        return l;
    }

    boolean contains(double[] z, int row) {
        for (int j = 0; j < dim; j++) if (!(z[row + j] > lo[j] && z[row + j] < hi[j])) return false;
        return true;
    }

    double lo(int j) {
        return lo[j];
    }

    double hi(int j) {
        return hi[j];
    }

    @Override
    public String describe() {
        return "support box(" + fmt(lo) + ", " + fmt(hi) + (tanh ? ", tanh" : "") + ")";
    }

    private static String fmt(double[] v) {
        boolean same = true;
        for (double x : v) same &= x == v[0];
        return same ? Printer.number(v[0]) : Arrays.toString(v);
    }
}
