package soma.model.nodes;

import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * Nodes that need their operands whole: computed into a buffer in {@link MNode#prepare}, read
 * element by element afterwards. Buffers belong to the workspace, so nothing is allocated.
 */
public final class Materialized {
    private Materialized() {}

    /** (rows x cols) constant matrix @ vector expression: out = W x, with x computed once into tmp. */
    public static final class MatVec extends MNode {
        @Child
        private MNode x;

        private final int matrix;
        private final int rows;
        private final int cols;
        private final int tmp;
        private final int out;

        public MatVec(int matrix, int rows, int cols, MNode x, int tmp, int out) {
            this.matrix = matrix;
            this.rows = rows;
            this.cols = cols;
            this.x = x;
            this.tmp = tmp;
            this.out = out;
        }

        public MNode x() {
            return x;
        }

        public int matrix() {
            return matrix;
        }

        public int rows() {
            return rows;
        }

        public int cols() {
            return cols;
        }

        @Override
        public void prepare(Workspace w) {
            x.prepare(w);
            double[] v = w.buf[tmp];
            for (int j = 0; j < cols; j++) v[j] = x.at(w, j);
            double[] m = w.c[matrix];
            double[] o = w.buf[out];
            for (int r = 0; r < rows; r++) {
                double s = 0;
                int base = r * cols;
                for (int j = 0; j < cols; j++) s += m[base + j] * v[j];
                o[r] = s;
            }
        }

        @Override
        public double at(Workspace w, int i) {
            return w.buf[out][i];
        }
    }

    /** sum (or mean) of the n elements of an expression; a dot product is sum(a * b). */
    public static final class Sum extends MNode {
        @Child
        private MNode x;

        private final int n;
        private final boolean mean;
        private final int out;

        public Sum(MNode x, int n, boolean mean, int out) {
            this.x = x;
            this.n = n;
            this.mean = mean;
            this.out = out;
        }

        public MNode x() {
            return x;
        }

        public int n() {
            return n;
        }

        public boolean mean() {
            return mean;
        }

        @Override
        public void prepare(Workspace w) {
            x.prepare(w);
            double s = 0;
            for (int j = 0; j < n; j++) s += x.at(w, j);
            w.buf[out][0] = mean ? s / n : s;
        }

        @Override
        public double at(Workspace w, int i) {
            return w.buf[out][0];
        }
    }

    /** Element k (a constant) of a vector expression. */
    public static final class Element extends MNode {
        @Child
        private MNode x;

        private final int k;

        public Element(MNode x, int k) {
            this.x = x;
            this.k = k;
        }

        public MNode x() {
            return x;
        }

        public int k() {
            return k;
        }

        @Override
        public void prepare(Workspace w) {
            x.prepare(w);
        }

        @Override
        public double at(Workspace w, int i) {
            return x.at(w, k);
        }
    }

    /** [a, b, c] of scalar expressions, as a vector. */
    public static final class Stack extends MNode {
        @Children
        private final MNode[] parts;

        private final int out;

        public Stack(MNode[] parts, int out) {
            this.parts = parts;
            this.out = out;
        }

        public MNode[] parts() {
            return parts.clone();
        }

        @Override
        @ExplodeLoop
        public void prepare(Workspace w) {
            double[] o = w.buf[out];
            for (int j = 0; j < parts.length; j++) {
                parts[j].prepare(w);
                o[j] = parts[j].at(w, 0);
            }
        }

        @Override
        public double at(Workspace w, int i) {
            return w.buf[out][i];
        }
    }
}
