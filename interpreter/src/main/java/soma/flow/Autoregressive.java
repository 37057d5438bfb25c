package soma.flow;

/**
 * Masked affine autoregressive layer (MAF/IAF, Papamakarios et al. 2017; Kingma et al. 2016):
 * z_i' = z_i exp(s_i(z_1..z_{i-1})) + t_i(z_1..z_{i-1}), with s, t from one MADE network;
 * log|det| = sum s. This is the IAF orientation: the sampling direction, which EPI uses at every
 * step, is one parallel pass, and the inverse (log_prob of given points) takes d sequential passes.
 */
final class Autoregressive extends AffineConditioned {
    Autoregressive(int dim, int hidden, int layers) {
        super(dim, Mlp.made(dim, hidden, layers), 0, dim, 0);
    }

    @Override
    public String kind() {
        return "maf";
    }

    @Override
    public void inverse(double[] theta, double[] out, double[] in, double[] logDet, int n) {
        double[] hid = net.work(), st = new double[2 * dim];
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
