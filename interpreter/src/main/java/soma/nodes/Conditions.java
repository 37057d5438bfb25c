package soma.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.UnexpectedResultException;
import soma.runtime.Printer;
import soma.runtime.SomaException;

/** Evaluates a condition, insisting on a bool (Soma does not treat numbers as truth values). */
public final class Conditions {
    private Conditions() {}

    public static boolean evaluate(ExprNode condition, VirtualFrame frame) {
        try {
            return condition.executeBoolean(frame);
        } catch (UnexpectedResultException e) {
            CompilerDirectives.transferToInterpreter();
            throw new SomaException(
                    "a condition must be a bool, but this is a " + Printer.typeName(e.getResult()), condition);
        }
    }
}
