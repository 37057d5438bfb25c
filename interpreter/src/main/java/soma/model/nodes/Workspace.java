package soma.model.nodes;

/**
 * The memory a compiled model works in, one per running thread: the time, the state being
 * differentiated and where its derivative goes, the constants of the current sample
 * (parameters, static definitions such as W, flattened row-major), and one scratch buffer per
 * materialized node (definitions, matrix-vector products, ...). The integrator points
 * {@code y} and {@code dy} at its stage arrays, so evaluating the right-hand side allocates nothing.
 */
public final class Workspace {
    public double t;
    public double[] y;
    public double[] dy;
    public double[][] c;
    public final double[][] buf;

    public Workspace(int[] bufferSizes) {
        buf = new double[bufferSizes.length][];
        for (int i = 0; i < bufferSizes.length; i++) buf[i] = new double[bufferSizes[i]];
    }
}
