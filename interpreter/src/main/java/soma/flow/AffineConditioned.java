package soma.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import soma.random.Rng;

/**
 * The common shape of Real NVP coupling and masked autoregressive layers: coordinates
 * [first, first + count) become z_i' = z_i exp(s_i) + t_i, with (s, t) computed by one MLP (one
 * or more tanh hidden layers) from the layer's input; log|det| = sum s. Which inputs the MLP may
 * see is the subclass's business (the untouched half, or earlier coordinates through MADE masks),
 * and so is the inverse.
 */
abstract class AffineConditioned extends Layer {
    protected final Mlp net;
    /** The transformed coordinates, and where the MLP reads its input in a row. */
    protected final int first, count, inputOffset;

    AffineConditioned(int dim, Mlp net, int first, int count, int inputOffset) {
        super(dim);
        this.net = net;
        this.first = first;
        this.count = count;
        this.inputOffset = inputOffset;
    }

    @Override
    public int paramCount() {
        return net.paramCount();
    }

    @Override
    public void init(double[] theta, Rng rng) {
        net.init(theta, offset, rng);
    }

    @Override
    public Map<String, Object> options() {
        return conditionerOptions(net);
    }

    @Override
    public String describe() {
        return kind() + "(" + describeConditioner(net) + ")";
    }

    /** hidden, and layers only when not 1, so files saved before deeper conditioners existed read back the same. */
    static Map<String, Object> conditionerOptions(Mlp net) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("hidden", (double) net.hidden);
        if (net.layers != 1) o.put("layers", (double) net.layers);
        return o;
    }

    static String describeConditioner(Mlp net) {
        return "hidden: " + net.hidden + (net.layers != 1 ? ", layers: " + net.layers : "");
    }

    @Override
    public void forward(double[] theta, double[] in, double[] out, double[] logDet, int n, boolean training) {
        double[] hid = net.work(), st = new double[2 * count];
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            net.forward(theta, offset, in, row + inputOffset, hid, st);
            System.arraycopy(in, row, out, row, dim);
            double ld = 0;
            for (int j = 0; j < count; j++) {
                out[row + first + j] = in[row + first + j] * Math.exp(st[j]) + st[count + j];
                ld += st[j];
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
        double[] hid = net.work(), st = new double[2 * count], gst = new double[2 * count];
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            net.forward(theta, offset, in, row + inputOffset, hid, st);
            System.arraycopy(gOut, row, gIn, row, dim);
            for (int j = 0; j < count; j++) {
                double e = Math.exp(st[j]), g = gOut[row + first + j];
                gIn[row + first + j] = g * e;
                gst[j] = g * in[row + first + j] * e + gLogDet[s];
                gst[count + j] = g;
            }
            net.backward(theta, offset, in, row + inputOffset, hid, gst, gIn, row + inputOffset, gTheta);
        }
    }
}
