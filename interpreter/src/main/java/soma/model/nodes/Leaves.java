package soma.model.nodes;

/** Reads: numbers, time, state, constants of the sample, buffers of materialized nodes. */
public final class Leaves {
    private Leaves() {}

    public static final class Num extends MNode {
        private final double value;

        public Num(double value) {
            this.value = value;
        }

        public double value() {
            return value;
        }

        @Override
        public double at(Workspace w, int i) {
            return value;
        }
    }

    public static final class Time extends MNode {
        @Override
        public double at(Workspace w, int i) {
            return w.t;
        }
    }

    public static final class StateScalar extends MNode {
        private final int offset;

        public StateScalar(int offset) {
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }

        @Override
        public double at(Workspace w, int i) {
            return w.y[offset];
        }
    }

    public static final class StateVector extends MNode {
        private final int offset;

        public StateVector(int offset) {
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }

        @Override
        public double at(Workspace w, int i) {
            return w.y[offset + i];
        }
    }

    public static final class ConstScalar extends MNode {
        private final int slot;

        public ConstScalar(int slot) {
            this.slot = slot;
        }

        public int slot() {
            return slot;
        }

        @Override
        public double at(Workspace w, int i) {
            return w.c[slot][0];
        }
    }

    public static final class ConstVector extends MNode {
        private final int slot;

        public ConstVector(int slot) {
            this.slot = slot;
        }

        public int slot() {
            return slot;
        }

        @Override
        public double at(Workspace w, int i) {
            return w.c[slot][i];
        }
    }

    public static final class BufferScalar extends MNode {
        private final int slot;

        public BufferScalar(int slot) {
            this.slot = slot;
        }

        public int slot() {
            return slot;
        }

        @Override
        public double at(Workspace w, int i) {
            return w.buf[slot][0];
        }
    }

    public static final class BufferVector extends MNode {
        private final int slot;

        public BufferVector(int slot) {
            this.slot = slot;
        }

        public int slot() {
            return slot;
        }

        @Override
        public double at(Workspace w, int i) {
            return w.buf[slot][i];
        }
    }
}
