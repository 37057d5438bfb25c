package soma.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/** Shared evaluation steps of several nodes. */
public final class Evaluation {
    private Evaluation() {}

    /** Evaluates child nodes left to right (call arguments, index keys); unrolled when compiled. */
    @ExplodeLoop
    public static Object[] all(ExprNode[] nodes, VirtualFrame frame) {
        Object[] values = new Object[nodes.length];
        for (int i = 0; i < nodes.length; i++) values[i] = nodes[i].executeGeneric(frame);
        return values;
    }

    /** Runs one loop iteration's body; false when it executed {@code break}. */
    public static boolean loopBody(ExprNode body, VirtualFrame frame) {
        try {
            body.executeGeneric(frame);
        } catch (ControlExceptions.Break b) {
            return false;
        } catch (ControlExceptions.Continue c) {
            return true;
        }
        return true;
    }
}
