package soma.flow;

import java.util.Arrays;
import soma.random.Rng;
import soma.runtime.SomaError;
import soma.runtime.SomaRecord;
import soma.runtime.TensorHooks;
import soma.tensor.Tensor;

/** What the flow methods do, between Soma values and the numerical engine. */
public final class FlowOps {
    private FlowOps() {}

    /** {z, log_prob} for n fresh samples (evaluation mode: batch norm uses its running statistics). */
    public static SomaRecord sample(Flow flow, int n, Rng rng) {
        double[][] zq = draw(flow, n, rng);
        SomaRecord r = new SomaRecord();
        r.put("z", new Tensor(new int[] {n, flow.dim}, zq[0]));
        r.put("log_prob", new Tensor(new int[] {n}, zq[1]));
        return r;
    }

    /** n fresh samples and their log q: {z (n x dim), log q (n)}; mixtures and symmetric flows sample through {@link Mixture}. */
    public static double[][] draw(Flow flow, int n, Rng rng) {
        if (!flow.plain()) return Mixture.sample(flow, n, rng);
        Flow.Pass p = flow.forward(flow.drawBase(n, rng), n, false);
        return new double[][] {p.z(), p.logQ()};
    }

    /** log q at one point (a vector of length dim: a number back) or at each row of a matrix. */
    public static Object logProb(Flow flow, Object points) {
        Tensor t = TensorHooks.toTensor(points, "log_prob: z");
        int[] shape = t.shape();
        boolean single = shape.length == 1 || (shape.length == 0 && flow.dim == 1);
        int n = single ? 1 : shape.length == 2 ? shape[0] : -1;
        int width = shape.length == 2 ? shape[1] : shape.length == 1 ? shape[0] : 1;
        if (n < 0 || width != flow.dim || t.imagData() != null) {
            throw new SomaError("log_prob: z must be a vector of " + flow.dim + " numbers or an (n x " + flow.dim
                    + ") matrix, got shape " + Arrays.toString(shape));
        }
        double[] lq = flow.logProb(t.realData().clone(), n);
        for (int s = 0; s < n; s++) if (Double.isNaN(lq[s])) lq[s] = Double.NEGATIVE_INFINITY; // outside the support
        return single ? (Object) lq[0] : new Tensor(new int[] {n}, lq);
    }

    public static double entropy(Flow flow, int n, Rng rng) {
        double[] lq = draw(flow, n, rng)[1];
        double sum = 0;
        for (double v : lq) sum += v;
        return -sum / n;
    }

    public static void fit(FlowValue q, Gaussian target, int iterations, double lr, int batch, Rng rng) {
        q.setHistory(FlowFit.fit(q.flow, target, iterations, lr, batch, rng));
    }

    /** Maximum likelihood on samples (count x dim, row-major); see {@link MaximumLikelihoodFit}. */
    public static void fitSamples(
            FlowValue q, double[] data, int count, int iterations, double lr, int batch, Rng rng) {
        q.setHistory(MaximumLikelihoodFit.fit(q.flow, data, count, iterations, lr, batch, rng));
    }

    /** Takes the parameters and layer state of a saved flow with the same layers. */
    public static void adopt(Flow into, Flow from) {
        if (into.dim != from.dim || !sameKinds(into, from)) {
            throw new SomaError("load: the saved flow has a different architecture (" + from.describeLayers() + ")");
        }
        System.arraycopy(from.theta, 0, into.theta, 0, into.theta.length);
        for (int k = 0; k < into.components(); k++) {
            for (int i = 0; i < into.layers.size(); i++)
                into.parts.get(k).get(i).restore(from.parts.get(k).get(i).options());
        }
    }

    private static boolean sameKinds(Flow a, Flow b) {
        if (a.layers.size() != b.layers.size()
                || a.theta.length != b.theta.length
                || a.components() != b.components()
                || a.group.length != b.group.length) return false;
        for (int i = 0; i < a.layers.size(); i++) {
            if (!a.layers.get(i).kind().equals(b.layers.get(i).kind())) return false;
        }
        return true;
    }

    public static double[][] truncated(Gaussian g, double[] lo, double[] hi) {
        return g.truncated(lo, hi);
    }
}
