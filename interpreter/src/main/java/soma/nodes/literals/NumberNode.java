package soma.nodes.literals;

import com.oracle.truffle.api.frame.VirtualFrame;
import soma.nodes.ExprNode;

public final class NumberNode extends ExprNode {
    private final double value;

    public NumberNode(double value) {
        this.value = value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return value;
    }

    @Override
    public double executeDouble(VirtualFrame frame) {
        return value;
    }
}
