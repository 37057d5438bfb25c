package soma.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import soma.random.Rng;

/**
 * A fixed permutation of the coordinates (reversal unless an order is given), placed between
 * coupling or autoregressive layers so every coordinate gets transformed; log|det| = 0.
 */
final class Permute extends Layer {
    private int[] order;

    Permute(int dim, int[] order) {
        super(dim);
        if (order == null) {
            order = new int[dim];
            for (int j = 0; j < dim; j++) order[j] = dim - 1 - j;
        }
        this.order = order;
    }

    @Override
    public String kind() {
        return "permute";
    }

    @Override
    public int paramCount() {
        return 0;
    }

    @Override
    public void init(double[] theta, Rng rng) {}

    @Override
    public void forward(double[] theta, double[] in, double[] out, double[] logDet, int n, boolean training) {
        for (int s = 0; s < n; s++) for (int j = 0; j < dim; j++) out[s * dim + j] = in[s * dim + order[j]];
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
        for (int s = 0; s < n; s++) for (int j = 0; j < dim; j++) gIn[s * dim + order[j]] = gOut[s * dim + j];
    }

    @Override
    public void inverse(double[] theta, double[] out, double[] in, double[] logDet, int n) {
        for (int s = 0; s < n; s++) for (int j = 0; j < dim; j++) in[s * dim + order[j]] = out[s * dim + j];
    }

    @Override
    public Map<String, Object> options() {
        List<Object> o = new ArrayList<>();
        for (int j : order) o.add((double) j);
        return Map.of("order", o);
    }

    @Override
    public void restore(Map<String, Object> saved) {
        if (saved.get("order") instanceof List<?> l) {
            int[] o = new int[l.size()];
            for (int j = 0; j < o.length; j++) o[j] = ((Number) l.get(j)).intValue();
            order = o;
        }
    }

    @Override
    public String describe() {
        return "permute " + Arrays.toString(order);
    }
}
