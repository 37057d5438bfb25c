package soma.nodes;

import com.oracle.truffle.api.dsl.TypeSystemReference;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.UnexpectedResultException;

/** Every Soma node is an expression: statements evaluate to a value too (often nil). */
@TypeSystemReference(SomaTypes.class)
public abstract class ExprNode extends SomaNode {
    public abstract Object executeGeneric(VirtualFrame frame);

    public double executeDouble(VirtualFrame frame) throws UnexpectedResultException {
        Object v = executeGeneric(frame);
        if (v instanceof Double d) return d;
        throw new UnexpectedResultException(v);
    }

    public boolean executeBoolean(VirtualFrame frame) throws UnexpectedResultException {
        Object v = executeGeneric(frame);
        if (v instanceof Boolean b) return b;
        throw new UnexpectedResultException(v);
    }
}
