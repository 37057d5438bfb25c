package soma.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import soma.random.Rng;
import soma.runtime.Printer;

/**
 * Rational-quadratic spline coupling (Durkan et al. 2019, "Neural Spline Flows"; sbi's default
 * flow). As in {@code coupling}, the first k = d/2 coordinates pass through and condition the
 * rest, but each conditioned coordinate goes through a monotone spline on [-bound, bound]
 * (identity outside; see {@link RationalQuadratic}) whose bins and knot slopes a tanh MLP computes
 * from the first half. An affine coupling can only move and stretch each conditional; a spline
 * can bend it, so a few layers reach skewed and multimodal densities. log|det| = sum log g'.
 *
 * <p>In one dimension nothing conditions the spline: its 3 bins - 1 numbers are free parameters
 * (an MLP with no input and no hidden layer), and the layer is a learnable monotone map of the line.
 */
final class SplineCoupling extends Layer {
    private final Mlp net;
    private final int bins, hidden, layers, first, count, per;
    private final double bound;

    SplineCoupling(int dim, int bins, int hidden, int layers, double bound) {
        super(dim);
        this.bins = bins;
        this.hidden = hidden;
        this.layers = layers;
        this.bound = bound;
        first = dim / 2;
        count = dim - first;
        per = RationalQuadratic.rawCount(bins);
        net = new Mlp(first, hidden, first == 0 ? 0 : layers, count * per, null);
    }

    @Override
    public String kind() {
        return "spline";
    }

    @Override
    public int paramCount() {
        return net.paramCount();
    }

    @Override
    public void init(double[] theta, Rng rng) {
        net.init(theta, offset, rng);
    }

    /** Nothing to condition on (dim 1): the spline is the same for every point, computed once per batch. */
    private boolean free() {
        return first == 0;
    }

    @Override
    public Map<String, Object> options() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("bins", (double) bins);
        o.put("hidden", (double) hidden);
        o.put("layers", (double) layers);
        o.put("bound", bound);
        return o;
    }

    @Override
    public String describe() {
        return "spline(bins: " + bins + (free() ? "" : ", " + AffineConditioned.describeConditioner(net)) + ", bound: "
                + Printer.show(bound) + ")";
    }

    @Override
    public void forward(double[] theta, double[] in, double[] out, double[] logDet, int n, boolean training) {
        apply(theta, in, out, logDet, n, true);
    }

    /** The conditioning half is the same in z and f(z), so the inverse is the forward pass with each spline inverted. */
    @Override
    public void inverse(double[] theta, double[] out, double[] in, double[] logDet, int n) {
        apply(theta, out, in, logDet, n, false);
    }

    private void apply(double[] theta, double[] from, double[] to, double[] logDet, int n, boolean forward) {
        double[] work = net.work(), raw = new double[count * per];
        RationalQuadratic rq = new RationalQuadratic(bins, bound);
        if (free()) {
            net.forward(theta, offset, from, 0, work, raw);
            rq.set(raw, 0);
        }
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            if (!free()) net.forward(theta, offset, from, row, work, raw);
            System.arraycopy(from, row, to, row, first);
            double ld = 0;
            for (int j = 0; j < count; j++) {
                if (!free()) rq.set(raw, j * per);
                double v = from[row + first + j];
                to[row + first + j] = forward ? rq.forward(v) : rq.inverse(v);
                ld += rq.logDet;
            }
            logDet[s] += ld;
        }
    }

    @Override
    public void backward(
            double[] theta,
            double[] in,
            double[] gOut,
            double[] gLogDet,
            double[] gIn,
            double[] gTheta,
            int n,
            boolean training) {
        double[] work = net.work(), raw = new double[count * per], gRaw = new double[count * per];
        double[] gFree = free() ? new double[per] : null; // summed over the batch, then one pass through the network
        RationalQuadratic rq = new RationalQuadratic(bins, bound);
        if (free()) {
            net.forward(theta, offset, in, 0, work, raw);
            rq.set(raw, 0);
        }
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            if (!free()) net.forward(theta, offset, in, row, work, raw);
            System.arraycopy(gOut, row, gIn, row, first);
            for (int j = 0; j < count; j++) {
                if (!free()) rq.set(raw, j * per);
                gIn[row + first + j] =
                        rq.backward(in[row + first + j], gOut[row + first + j], gLogDet[s], gRaw, j * per);
            }
            if (free()) {
                for (int i = 0; i < per; i++) gFree[i] += gRaw[i];
            } else {
                net.backward(theta, offset, in, row, work, gRaw, gIn, row, gTheta);
            }
        }
        if (free()) net.backward(theta, offset, in, 0, work, gFree, gIn, 0, gTheta);
    }
}
