package soma.nodes.control;

import com.oracle.truffle.api.frame.VirtualFrame;
import soma.nodes.Conditions;
import soma.nodes.ExprNode;

/** Short-circuit {@code and} / {@code or}, and {@code not}. Operands must be bools. */
public final class LogicNode extends ExprNode {
    public enum Kind {
        AND,
        OR,
        NOT
    }

    private final Kind kind;

    @Child
    private ExprNode left;

    @Child
    private ExprNode right;

    public LogicNode(Kind kind, ExprNode left, ExprNode right) {
        this.kind = kind;
        this.left = left;
        this.right = right;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return executeBoolean(frame);
    }

    @Override
    public boolean executeBoolean(VirtualFrame frame) {
        boolean a = Conditions.evaluate(left, frame);
        return switch (kind) {
            case AND -> a && Conditions.evaluate(right, frame);
            case OR -> a || Conditions.evaluate(right, frame);
            case NOT -> !a;
        };
    }
}
