package soma.model.nodes;

import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;

/**
 * A compiled model: its dynamic definitions (in dependency order, each into its buffer) and
 * its equations (each into its slice of dy). {@link #evaluate} is the right-hand side f(t, y).
 */
public final class Rhs extends Node {
    @Children
    private final Assign[] definitions;

    @Children
    private final Assign[] equations;

    public Rhs(Assign[] definitions, Assign[] equations) {
        this.definitions = definitions;
        this.equations = equations;
    }

    /** The definitions and equations, for compilers of the same model to other forms (the batch path). */
    public Assign[] definitions() {
        return definitions.clone();
    }

    public Assign[] equations() {
        return equations.clone();
    }

    @ExplodeLoop
    public void evaluate(Workspace w) {
        for (Assign d : definitions) d.run(w);
        for (Assign e : equations) e.run(w);
    }

    /** Writes n elements of an expression into a buffer (definitions) or into dy (equations). */
    public static final class Assign extends Node {
        @Child
        private MNode value;

        private final boolean toDerivative;
        private final int slot;
        private final int offset;
        private final int n;

        /** @param slot buffer index (definitions) or unused (equations); offset into dy for equations */
        public Assign(MNode value, boolean toDerivative, int slot, int offset, int n) {
            this.value = value;
            this.toDerivative = toDerivative;
            this.slot = slot;
            this.offset = offset;
            this.n = n;
        }

        public MNode value() {
            return value;
        }

        public boolean toDerivative() {
            return toDerivative;
        }

        public int slot() {
            return slot;
        }

        public int offset() {
            return offset;
        }

        public int n() {
            return n;
        }

        void run(Workspace w) {
            value.prepare(w);
            double[] target = toDerivative ? w.dy : w.buf[slot];
            for (int i = 0; i < n; i++) target[offset + i] = value.at(w, i);
        }
    }
}
