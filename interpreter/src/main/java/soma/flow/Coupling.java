package soma.flow;

import java.util.Map;
import soma.random.Rng;

/**
 * Real NVP affine coupling (Dinh et al. 2017): the first k = d/2 coordinates pass through and
 * condition the rest, z_b' = z_b exp(s(z_a)) + t(z_a), with s and t from one small tanh MLP;
 * log|det| = sum s. Stack with {@code permute} so every coordinate gets transformed.
 */
final class Coupling extends Layer {
    private final int k, m;
    private final Mlp net;

    Coupling(int dim, int hidden) {
        super(dim);
        this.k = dim / 2;
        this.m = dim - k;
        this.net = new Mlp(k, hidden, 2 * m, null, null);
    }

    @Override public String kind() { return "coupling"; }
    @Override public int paramCount() { return net.paramCount(); }
    @Override public void init(double[] theta, Rng rng) { net.init(theta, offset, rng); }
    @Override public Map<String, Object> options() { return Map.of("hidden", (double) net.hidden); }
    @Override public String describe() { return "coupling(hidden: " + net.hidden + ")"; }

    @Override
    public void forward(double[] theta, double[] in, double[] out, double[] logDet, int n, boolean training) {
        double[] hid = new double[net.hidden], st = new double[2 * m];
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            net.forward(theta, offset, in, row, hid, st);
            double ld = 0;
            for (int j = 0; j < k; j++) out[row + j] = in[row + j];
            for (int j = 0; j < m; j++) {
                out[row + k + j] = in[row + k + j] * Math.exp(st[j]) + st[m + j];
                ld += st[j];
            }
            logDet[s] += ld;
        }
    }

    @Override
    public void backward(double[] theta, double[] in, double[] gOut, double[] gLogDet, double[] gIn, double[] gTheta,
                         int n, boolean training) {
        double[] hid = new double[net.hidden], st = new double[2 * m], gst = new double[2 * m];
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            net.forward(theta, offset, in, row, hid, st);
            for (int j = 0; j < m; j++) {
                double e = Math.exp(st[j]), g = gOut[row + k + j];
                gIn[row + k + j] = g * e;
                gst[j] = g * in[row + k + j] * e + gLogDet[s];
                gst[m + j] = g;
            }
            for (int j = 0; j < k; j++) gIn[row + j] = gOut[row + j];
            net.backward(theta, offset, in, row, hid, gst, gIn, row, gTheta);
        }
    }

    @Override
    public void inverse(double[] theta, double[] out, double[] in, double[] logDet, int n) {
        double[] hid = new double[net.hidden], st = new double[2 * m];
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            net.forward(theta, offset, out, row, hid, st); // z_a = z_a', so the conditioner sees the same input
            double ld = 0;
            for (int j = 0; j < k; j++) in[row + j] = out[row + j];
            for (int j = 0; j < m; j++) {
                in[row + k + j] = (out[row + k + j] - st[m + j]) * Math.exp(-st[j]);
                ld += st[j];
            }
            logDet[s] += ld;
        }
    }
}
