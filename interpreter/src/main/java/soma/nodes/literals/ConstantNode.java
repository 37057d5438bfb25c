package soma.nodes.literals;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.UnexpectedResultException;
import soma.nodes.ExprNode;

/** A literal string, bool or nil. */
public final class ConstantNode extends ExprNode {
    private final Object value;

    public ConstantNode(Object value) {
        this.value = value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return value;
    }

    @Override
    public boolean executeBoolean(VirtualFrame frame) throws UnexpectedResultException {
        if (value instanceof Boolean b) return b;
        throw new UnexpectedResultException(value);
    }
}
