package soma.nodes;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** Non-local exits: return, break, continue. Cheap in compiled code (no stack trace). */
public final class ControlExceptions {
    private ControlExceptions() {}

    public static final class Return extends ControlFlowException {
        private static final long serialVersionUID = 1L;
        public final Object value;

        public Return(Object value) {
            this.value = value;
        }
    }

    public static final class Break extends ControlFlowException {
        private static final long serialVersionUID = 1L;
        public static final Break INSTANCE = new Break();
    }

    public static final class Continue extends ControlFlowException {
        private static final long serialVersionUID = 1L;
        public static final Continue INSTANCE = new Continue();
    }
}
