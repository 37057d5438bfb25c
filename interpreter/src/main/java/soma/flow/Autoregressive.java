package soma.flow;

import java.util.Map;
import soma.random.Rng;

/**
 * Masked affine autoregressive layer (MAF/IAF, Papamakarios et al. 2017; Kingma et al. 2016):
 * z_i' = z_i exp(s_i(z_1..z_{i-1})) + t_i(z_1..z_{i-1}), with s, t from one MADE network;
 * log|det| = sum s. This is the IAF orientation: the sampling direction, which EPI uses at every
 * step, is one parallel pass, and the inverse (log_prob of given points) takes d sequential passes.
 */
final class Autoregressive extends Layer {
    private final Mlp net;

    Autoregressive(int dim, int hidden) {
        super(dim);
        this.net = Mlp.made(dim, hidden);
    }

    @Override public String kind() { return "maf"; }
    @Override public int paramCount() { return net.paramCount(); }
    @Override public void init(double[] theta, Rng rng) { net.init(theta, offset, rng); }
    @Override public Map<String, Object> options() { return Map.of("hidden", (double) net.hidden); }
    @Override public String describe() { return "maf(hidden: " + net.hidden + ")"; }

    @Override
    public void forward(double[] theta, double[] in, double[] out, double[] logDet, int n, boolean training) {
        double[] hid = new double[net.hidden], st = new double[2 * dim];
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            net.forward(theta, offset, in, row, hid, st);
            double ld = 0;
            for (int j = 0; j < dim; j++) {
                out[row + j] = in[row + j] * Math.exp(st[j]) + st[dim + j];
                ld += st[j];
            }
            logDet[s] += ld;
        }
    }

    @Override
    public void backward(double[] theta, double[] in, double[] gOut, double[] gLogDet, double[] gIn, double[] gTheta,
                         int n, boolean training) {
        double[] hid = new double[net.hidden], st = new double[2 * dim], gst = new double[2 * dim];
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            net.forward(theta, offset, in, row, hid, st);
            for (int j = 0; j < dim; j++) {
                double e = Math.exp(st[j]), g = gOut[row + j];
                gIn[row + j] = g * e;
                gst[j] = g * in[row + j] * e + gLogDet[s];
                gst[dim + j] = g;
            }
            net.backward(theta, offset, in, row, hid, gst, gIn, row, gTheta);
        }
    }

    @Override
    public void inverse(double[] theta, double[] out, double[] in, double[] logDet, int n) {
        double[] hid = new double[net.hidden], st = new double[2 * dim];
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            for (int j = 0; j < dim; j++) in[row + j] = 0;
            for (int i = 0; i < dim; i++) { // coordinate i needs only the already recovered ones before it
                net.forward(theta, offset, in, row, hid, st);
                in[row + i] = (out[row + i] - st[dim + i]) * Math.exp(-st[i]);
            }
            net.forward(theta, offset, in, row, hid, st);
            double ld = 0;
            for (int j = 0; j < dim; j++) ld += st[j];
            logDet[s] += ld;
        }
    }
}
