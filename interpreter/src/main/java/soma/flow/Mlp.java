package soma.flow;

import java.util.Arrays;
import soma.random.Rng;

/**
 * A tanh network with {@code layers} hidden layers of {@code hidden} units and a linear output,
 * the conditioner of coupling, autoregressive and spline layers. Optional 0/1 masks on the weight
 * matrices make it a MADE network (output i sees only inputs before i). With no hidden layers it
 * is affine, y = W x + b; with no inputs as well it is just b, free parameters.
 *
 * <p>Parameters, from {@code base}: W1 (hidden x in), b1, then W_l (hidden x hidden), b_l for
 * each further hidden layer, then W_out (out x hidden), b_out. One hidden layer is the original
 * layout, so saved flows load unchanged.
 */
final class Mlp {
    final int in, hidden, layers, out;
    /** One mask per weight matrix (layers + 1 of them), or null for a dense network. */
    private final double[][] masks;
    /** Where weight matrix l and its bias start, relative to base; rows and columns of matrix l. */
    private final int[] wAt, bAt, rows, cols;

    private final int count;

    Mlp(int in, int hidden, int layers, int out, double[][] masks) {
        this.in = in;
        this.hidden = hidden;
        this.layers = layers;
        this.out = out;
        this.masks = masks;
        wAt = new int[layers + 1];
        bAt = new int[layers + 1];
        rows = new int[layers + 1];
        cols = new int[layers + 1];
        int k = 0;
        for (int l = 0; l <= layers; l++) {
            rows[l] = l < layers ? hidden : out;
            cols[l] = l == 0 ? in : hidden;
            wAt[l] = k;
            k += rows[l] * cols[l];
            bAt[l] = k;
            k += rows[l];
        }
        count = k;
    }

    int paramCount() {
        return count;
    }

    /**
     * Scratch for one point: the hidden activations (forward) and two gradient rows (backward).
     * Callers allocate it once per batch, so the per-point loops allocate nothing.
     */
    double[] work() {
        return new double[(layers + 2) * hidden];
    }

    /** Small random hidden layers, near-zero output layer: the layer starts close to the identity. */
    void init(double[] theta, int base, Rng rng) {
        int k = base;
        for (int l = 0; l <= layers; l++) {
            boolean output = l == layers;
            for (int i = 0; i < rows[l] * cols[l]; i++) {
                theta[k++] = output ? 0.01 * rng.nextGaussian() : rng.nextGaussian() / Math.sqrt(Math.max(1, cols[l]));
            }
            for (int i = 0; i < rows[l]; i++) theta[k++] = 0;
        }
    }

    /** Hidden activations go to work[0 .. layers * hidden), y = the output; x is read from x[xOff .. xOff + in). */
    void forward(double[] theta, int base, double[] x, int xOff, double[] work, double[] y) {
        for (int l = 0; l <= layers; l++) {
            double[] src = l == 0 ? x : work, dst = l == layers ? y : work, mask = masks == null ? null : masks[l];
            int from = l == 0 ? xOff : (l - 1) * hidden,
                    to = l == layers ? 0 : l * hidden,
                    b = base + bAt[l],
                    n = cols[l];
            for (int r = 0; r < rows[l]; r++) {
                int w = base + wAt[l] + r * n, m = r * n;
                double a = theta[b + r];
                for (int c = 0; c < n; c++)
                    a += (mask == null ? theta[w + c] : theta[w + c] * mask[m + c]) * src[from + c];
                dst[to + r] = l == layers ? a : Math.tanh(a);
            }
        }
    }

    /**
     * Given dL/dy, adds dL/dx into gx[gxOff ..] and dL/dparameters into gTheta[base ..]. work holds
     * forward's activations for this x; its last 2 * hidden entries are overwritten.
     */
    void backward(
            double[] theta,
            int base,
            double[] x,
            int xOff,
            double[] work,
            double[] gy,
            double[] gx,
            int gxOff,
            double[] gTheta) {
        double[] g = gy; // dL/d(pre-activation) of layer l's units
        int gAt = 0;
        for (int l = layers; l >= 0; l--) {
            double[] src = l == 0 ? x : work, gSrc = l == 0 ? gx : work, mask = masks == null ? null : masks[l];
            // the two gradient rows after the activations take turns: layer l writes the one layer l + 1 did not
            int from = l == 0 ? xOff : (l - 1) * hidden, gFrom = l == 0 ? gxOff : (layers + l % 2) * hidden;
            if (l > 0) Arrays.fill(work, gFrom, gFrom + hidden, 0);
            int b = base + bAt[l], n = cols[l];
            for (int r = 0; r < rows[l]; r++) {
                int w = base + wAt[l] + r * n, m = r * n;
                double ga = g[gAt + r];
                gTheta[b + r] += ga;
                if (mask == null) {
                    for (int c = 0; c < n; c++) {
                        gTheta[w + c] += ga * src[from + c];
                        gSrc[gFrom + c] += ga * theta[w + c];
                    }
                } else {
                    for (int c = 0; c < n; c++) {
                        gTheta[w + c] += ga * src[from + c] * mask[m + c];
                        gSrc[gFrom + c] += ga * (theta[w + c] * mask[m + c]);
                    }
                }
            }
            if (l > 0) { // through tanh: d tanh = 1 - tanh^2
                for (int c = 0; c < hidden; c++) {
                    double h = work[from + c];
                    work[gFrom + c] = work[gFrom + c] * (1 - h * h);
                }
                g = work;
                gAt = gFrom;
            }
        }
    }

    /**
     * MADE masks for d inputs and outputs [s_1..s_d, t_1..t_d]: each hidden unit gets a degree in
     * 1..d-1 (the same in every hidden layer) and sees the units below it with degree <= its own
     * (input i has degree i); s_i and t_i see degrees < i, so they depend on inputs 1..i-1 only.
     */
    static Mlp made(int d, int hidden, int layers) {
        int[] degree = new int[hidden];
        for (int h = 0; h < hidden; h++) degree[h] = d == 1 ? 1 : h % (d - 1) + 1;
        double[][] masks = new double[layers + 1][];
        masks[0] = new double[hidden * d];
        for (int h = 0; h < hidden; h++) for (int i = 0; i < d; i++) masks[0][h * d + i] = degree[h] >= i + 1 ? 1 : 0;
        for (int l = 1; l < layers; l++) {
            masks[l] = new double[hidden * hidden];
            for (int h = 0; h < hidden; h++)
                for (int k = 0; k < hidden; k++) masks[l][h * hidden + k] = degree[h] >= degree[k] ? 1 : 0;
        }
        masks[layers] = new double[2 * d * hidden];
        for (int o = 0; o < 2 * d; o++)
            for (int h = 0; h < hidden; h++) masks[layers][o * hidden + h] = o % d + 1 > degree[h] ? 1 : 0;
        return new Mlp(d, hidden, layers, 2 * d, masks);
    }
}
