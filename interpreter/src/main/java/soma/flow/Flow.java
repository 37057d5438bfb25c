package soma.flow;

import java.util.ArrayList;
import java.util.List;
import soma.random.Rng;

/**
 * A normalizing flow z = g(w), w ~ N(0, I): an ordered list of layers over one flat parameter
 * vector. log q(z) = log N(w) - sum over layers of log|det J|. This class is the numerical engine
 * (batched forward, reverse-mode gradient, inverse); {@link FlowValue} is what scripts hold.
 *
 * <p>Two declared extensions make the distribution multimodal while keeping its density exact
 * (see {@link Mixture}): {@code mixture K} keeps K copies of the layers (components) with their own
 * parameters and learned weights pi = softmax(alpha), and {@code symmetry} lines give a finite
 * group G of volume-preserving linear maps under which the answer is invariant:
 * q(z) = sum_k pi_k (1/|G|) sum_{g in G} q_k(g z). Theta holds the components one after the other,
 * then the K logits alpha (only when K > 1). With K = 1 and no symmetry, nothing changes.
 */
public final class Flow {
    public final String name;
    public final int dim;
    final List<LayerSpec> specs;
    /** The layers of component 0 (the only one unless K > 1). */
    final List<Layer> layers;
    /** The layers of each component; component k's parameters start at k * perComponent. */
    final List<List<Layer>> parts = new ArrayList<>();

    final int perComponent;
    /** The symmetry group, row-major d x d matrices, the identity first (just it when no symmetry is declared). */
    final double[][] group;
    /** All trained parameters, layer after layer, component after component, then the logits. */
    public double[] theta;

    public Flow(String name, int dim, List<LayerSpec> specs, Rng rng) {
        this(name, dim, specs, 1, null, rng);
    }

    public Flow(String name, int dim, List<LayerSpec> specs, int components, double[][] group, Rng rng) {
        this.name = name;
        this.dim = dim;
        this.specs = List.copyOf(specs);
        this.group = group == null ? new double[][] {Mixture.identity(dim)} : group;
        int offset = 0;
        for (int k = 0; k < components; k++) {
            List<Layer> part = new ArrayList<>();
            for (LayerSpec s : specs) {
                Layer l = Layers.build(s, dim);
                l.offset = offset;
                offset += l.paramCount();
                part.add(l);
            }
            parts.add(part);
        }
        layers = parts.get(0);
        perComponent = offset / components;
        theta = new double[offset + (components > 1 ? components : 0)];
        for (List<Layer> part : parts) for (Layer l : part) l.init(theta, rng);
    }

    public int components() {
        return parts.size();
    }

    /** True when this is one flow without symmetry: sampling and densities take the plain paths. */
    public boolean plain() {
        return parts.size() == 1 && group.length == 1;
    }

    public int groupSize() {
        return group.length;
    }

    public int paramCount() {
        return theta.length;
    }

    /** The intermediate values of one forward pass, kept for the backward pass. */
    public static final class Pass {
        public final int component;
        public final int n;
        /** acts[0] = w, acts[i + 1] = output of layer i; the last is z. */
        final double[][] acts;
        /** sum over layers of log|det J| per point. */
        public final double[] logDet;

        public final double[] logBase;
        final boolean training;

        Pass(int component, int n, double[][] acts, double[] logDet, double[] logBase, boolean training) {
            this.component = component;
            this.n = n;
            this.acts = acts;
            this.logDet = logDet;
            this.logBase = logBase;
            this.training = training;
        }

        public double[] z() {
            return acts[acts.length - 1];
        }

        /** log q(z_s) for each point. */
        public double[] logQ() {
            double[] lq = new double[n];
            for (int s = 0; s < n; s++) lq[s] = logBase[s] - logDet[s];
            return lq;
        }
    }

    public double[] drawBase(int n, Rng rng) {
        double[] w = new double[n * dim];
        for (int i = 0; i < w.length; i++) w[i] = rng.nextGaussian();
        return w;
    }

    public Pass forward(double[] w, int n, boolean training) {
        return forward(0, w, n, training);
    }

    /** Component k's forward pass (k = 0 for a flow without mixture). */
    public Pass forward(int k, double[] w, int n, boolean training) {
        List<Layer> layers = parts.get(k);
        double[][] acts = new double[layers.size() + 1][];
        acts[0] = w;
        double[] logDet = new double[n];
        for (int i = 0; i < layers.size(); i++) {
            acts[i + 1] = new double[n * dim];
            layers.get(i).forward(theta, acts[i], acts[i + 1], logDet, n, training);
        }
        return new Pass(k, n, acts, logDet, logNormal(w, n), training);
    }

    /**
     * dL/dtheta for a loss L(z, log q(z)) given gZ = dL/dz (n x d) and gLogQ = dL/dlog q (n):
     * log q = log N(w) - sum log|det|, and w does not depend on theta.
     */
    public double[] backward(Pass p, double[] gZ, double[] gLogQ) {
        return backward(p, gZ, gLogQ, null);
    }

    /**
     * As {@link #backward(Pass, double[], double[])}, and when {@code gW} is given it receives dL/dw
     * through the layers (the log N(w) term of log q is not included: the caller adds it if w moves).
     */
    public double[] backward(Pass p, double[] gZ, double[] gLogQ, double[] gW) {
        double[] gTheta = new double[theta.length];
        double[] gLogDet = new double[p.n];
        for (int s = 0; s < p.n; s++) gLogDet[s] = -gLogQ[s];
        double[] g = gZ.clone();
        List<Layer> layers = parts.get(p.component);
        for (int i = layers.size() - 1; i >= 0; i--) {
            double[] gIn = new double[p.n * dim];
            layers.get(i).backward(theta, p.acts[i], g, gLogDet, gIn, gTheta, p.n, p.training);
            g = gIn;
        }
        if (gW != null) System.arraycopy(g, 0, gW, 0, g.length);
        return gTheta;
    }

    /** log q(z) of given points: by running every layer backwards, for each component and group element. */
    public double[] logProb(double[] z, int n) {
        return plain() ? logProb(0, z, n) : Mixture.logProb(this, z, n);
    }

    /** log q_k(z) of one component, without the symmetry. */
    public double[] logProb(int k, double[] z, int n) {
        double[] logDet = new double[n];
        double[] cur = inverse(k, z, n, logDet);
        double[] base = logNormal(cur, n);
        double[] lq = new double[n];
        for (int s = 0; s < n; s++) lq[s] = base[s] - logDet[s];
        return lq;
    }

    /** w = g^-1(z) by running every layer backwards; adds each layer's log|det J| at its input to logDet. */
    public double[] inverse(double[] z, int n, double[] logDet) {
        return inverse(0, z, n, logDet);
    }

    /** As {@link #inverse(double[], int, double[])} for component k. */
    public double[] inverse(int k, double[] z, int n, double[] logDet) {
        List<Layer> layers = parts.get(k);
        double[] cur = z;
        for (int i = layers.size() - 1; i >= 0; i--) {
            double[] in = new double[n * dim];
            layers.get(i).inverse(theta, cur, in, logDet, n);
            cur = in;
        }
        return cur;
    }

    /** log N(w; 0, I) per point. */
    double[] logNormal(double[] w, int n) {
        double c = -0.5 * dim * Math.log(2 * Math.PI);
        double[] out = new double[n];
        for (int s = 0; s < n; s++) {
            double q = 0;
            for (int j = 0; j < dim; j++) q += w[s * dim + j] * w[s * dim + j];
            out[s] = c - 0.5 * q;
        }
        return out;
    }

    /** The box the flow maps onto, if its last layer is a box support; else null. */
    BoxSupport box() {
        return !layers.isEmpty() && layers.get(layers.size() - 1) instanceof BoxSupport b ? b : null;
    }

    public List<String> describeLayers() {
        List<String> lines = new ArrayList<>();
        for (Layer l : layers)
            lines.add(l.describe() + (l.paramCount() > 0 ? "  (" + l.paramCount() + " parameters)" : ""));
        return lines;
    }
}
