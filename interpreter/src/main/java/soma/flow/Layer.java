package soma.flow;

import java.util.Map;
import soma.random.Rng;

/**
 * One bijective layer of a normalizing flow, working on a batch of n points of dimension d stored
 * row-major in a double[n * d]. Its parameters live in the flow's flat parameter vector from
 * {@link #offset}, so the optimiser sees one vector and saving is one array.
 *
 * <p>Every layer computes its own log|det J| and its own reverse-mode gradient (by hand, checked
 * against finite differences in the tests): a batch of 1,000 points through ten layers is a few
 * tight loops, with no per-sample interpretation and no tape.
 */
public abstract class Layer {
    protected final int dim;
    /** Where this layer's parameters start in the flow's parameter vector. */
    int offset;

    protected Layer(int dim) {
        this.dim = dim;
    }

    /** The name used in declarations and saved files. */
    public abstract String kind();

    public abstract int paramCount();

    /** Initial parameters, written to theta[offset ..]. */
    public abstract void init(double[] theta, Rng rng);

    /**
     * out = f(in) for each of the n points, and log|det df/dz| added to logDet[s].
     * {@code training} is true inside fitting and inference (batch norm uses batch statistics then).
     */
    public abstract void forward(double[] theta, double[] in, double[] out, double[] logDet, int n, boolean training);

    /**
     * Reverse mode for a loss L(out, logDet): given gOut = dL/dout and gLogDet = dL/dlogDet
     * (one per point), writes gIn = dL/din and adds dL/dtheta into gTheta[offset ..].
     */
    public abstract void backward(
            double[] theta,
            double[] in,
            double[] gOut,
            double[] gLogDet,
            double[] gIn,
            double[] gTheta,
            int n,
            boolean training);

    /**
     * in = f^-1(out), and log|det df/dz| at that point added to logDet[s] (the forward layer's
     * log-determinant, so log q(z) = log N(w) - sum of them). Uses evaluation-mode statistics.
     */
    public abstract void inverse(double[] theta, double[] out, double[] in, double[] logDet, int n);

    /** Layer options and non-trained state (permutations, running statistics) for saving; none by default. */
    public Map<String, Object> options() {
        return Map.of();
    }

    /** Restores non-trained state saved by {@link #options()}. */
    public void restore(Map<String, Object> saved) {}

    /** One line for printing the architecture. */
    public String describe() {
        return kind();
    }

    protected static double softplus(double x) {
        return x > 30 ? x : x < -30 ? Math.exp(x) : Math.log1p(Math.exp(x));
    }

    protected static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
