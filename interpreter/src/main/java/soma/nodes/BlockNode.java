package soma.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import soma.runtime.Nil;

/** A sequence of statements; its value is the last statement's. */
public final class BlockNode extends ExprNode {
    @Children
    private final ExprNode[] statements;

    public BlockNode(ExprNode[] statements) {
        this.statements = statements;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        Object last = Nil.INSTANCE;
        for (ExprNode s : statements) last = s.executeGeneric(frame);
        return last;
    }
}
