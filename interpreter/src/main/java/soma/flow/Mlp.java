package soma.flow;

import soma.random.Rng;

/**
 * A one-hidden-layer tanh network, the conditioner of coupling and autoregressive layers. Optional
 * 0/1 masks on both weight matrices make it a MADE network (output i sees only inputs before i).
 * Parameters, from {@code base}: W1 (hidden x in), b1, W2 (out x hidden), b2.
 */
final class Mlp {
    final int in, hidden, out;
    private final double[] mask1, mask2;

    Mlp(int in, int hidden, int out, double[] mask1, double[] mask2) {
        this.in = in;
        this.hidden = hidden;
        this.out = out;
        this.mask1 = mask1;
        this.mask2 = mask2;
    }

    int paramCount() {
        return hidden * in + hidden + out * hidden + out;
    }

    /** Small random first layer, near-zero output layer: the layer starts close to the identity. */
    void init(double[] theta, int base, Rng rng) {
        int k = base;
        for (int i = 0; i < hidden * in; i++) theta[k++] = rng.nextGaussian() / Math.sqrt(Math.max(1, in));
        for (int i = 0; i < hidden; i++) theta[k++] = 0;
        for (int i = 0; i < out * hidden; i++) theta[k++] = 0.01 * rng.nextGaussian();
        for (int i = 0; i < out; i++) theta[k++] = 0;
    }

    private double w1(double[] theta, int base, int h, int i) {
        double w = theta[base + h * in + i];
        return mask1 == null ? w : w * mask1[h * in + i];
    }

    private double w2(double[] theta, int base, int o, int h) {
        double w = theta[base + hidden * in + hidden + o * hidden + h];
        return mask2 == null ? w : w * mask2[o * hidden + h];
    }

    /** hid = tanh(W1 x + b1), y = W2 hid + b2, with x read from x[xOff .. xOff + in). */
    void forward(double[] theta, int base, double[] x, int xOff, double[] hid, double[] y) {
        int b1 = base + hidden * in, b2 = base + hidden * in + hidden + out * hidden;
        for (int h = 0; h < hidden; h++) {
            double a = theta[b1 + h];
            for (int i = 0; i < in; i++) a += w1(theta, base, h, i) * x[xOff + i];
            hid[h] = Math.tanh(a);
        }
        for (int o = 0; o < out; o++) {
            double a = theta[b2 + o];
            for (int h = 0; h < hidden; h++) a += w2(theta, base, o, h) * hid[h];
            y[o] = a;
        }
    }

    /** Given dL/dy, adds dL/dx into gx[gxOff ..] and dL/dparameters into gTheta[base ..]. hid is from forward. */
    void backward(double[] theta, int base, double[] x, int xOff, double[] hid, double[] gy, double[] gx, int gxOff, double[] gTheta) {
        int b1 = base + hidden * in, w2 = b1 + hidden, b2 = w2 + out * hidden;
        for (int h = 0; h < hidden; h++) {
            double gh = 0;
            for (int o = 0; o < out; o++) {
                gh += w2(theta, base, o, h) * gy[o];
                double m = mask2 == null ? 1 : mask2[o * hidden + h];
                gTheta[w2 + o * hidden + h] += gy[o] * hid[h] * m;
            }
            double ga = gh * (1 - hid[h] * hid[h]);
            gTheta[b1 + h] += ga;
            for (int i = 0; i < in; i++) {
                double m = mask1 == null ? 1 : mask1[h * in + i];
                gTheta[base + h * in + i] += ga * x[xOff + i] * m;
                gx[gxOff + i] += ga * w1(theta, base, h, i);
            }
        }
        for (int o = 0; o < out; o++) gTheta[b2 + o] += gy[o];
    }

    /** MADE masks for d inputs and outputs [s_1..s_d, t_1..t_d]: output i depends on inputs 1..i-1 only. */
    static Mlp made(int d, int hidden) {
        double[] m1 = new double[hidden * d], m2 = new double[2 * d * hidden];
        for (int h = 0; h < hidden; h++) {
            int degree = d == 1 ? 1 : h % (d - 1) + 1;
            for (int i = 0; i < d; i++) m1[h * d + i] = degree >= i + 1 ? 1 : 0;
            for (int i = 0; i < d; i++) {
                double m = i + 1 > degree ? 1 : 0;
                m2[i * hidden + h] = m;
                m2[(d + i) * hidden + h] = m;
            }
        }
        return new Mlp(d, hidden, 2 * d, m1, m2);
    }
}
