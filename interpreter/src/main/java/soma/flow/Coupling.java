package soma.flow;

/**
 * Real NVP affine coupling (Dinh et al. 2017): the first k = d/2 coordinates pass through and
 * condition the rest, z_b' = z_b exp(s(z_a)) + t(z_a), with s and t from one small tanh MLP
 * (the EPI paper uses 2 hidden layers of 25 units);
 * log|det| = sum s. Stack with {@code permute} so every coordinate gets transformed.
 */
final class Coupling extends AffineConditioned {
    Coupling(int dim, int hidden, int layers) {
        super(dim, new Mlp(dim / 2, hidden, layers, 2 * (dim - dim / 2), null), dim / 2, dim - dim / 2, 0);
    }

    @Override
    public String kind() {
        return "coupling";
    }

    /** z_a' = z_a, so the conditioner sees the same input as in the forward pass: one pass. */
    @Override
    public void inverse(double[] theta, double[] out, double[] in, double[] logDet, int n) {
        double[] hid = net.work(), st = new double[2 * count];
        for (int s = 0; s < n; s++) {
            int row = s * dim;
            net.forward(theta, offset, out, row, hid, st);
            System.arraycopy(out, row, in, row, dim);
            double ld = 0;
            for (int j = 0; j < count; j++) {
                in[row + first + j] = (out[row + first + j] - st[count + j]) * Math.exp(-st[j]);
                ld += st[j];
            }
            logDet[s] += ld;
        }
    }
}
