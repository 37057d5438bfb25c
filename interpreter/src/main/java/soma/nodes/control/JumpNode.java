package soma.nodes.control;

import com.oracle.truffle.api.frame.VirtualFrame;
import soma.nodes.ControlExceptions;
import soma.nodes.ExprNode;
import soma.runtime.Nil;

/** {@code return e}, {@code break}, {@code continue}. */
public final class JumpNode extends ExprNode {
    public enum Kind {
        RETURN,
        BREAK,
        CONTINUE
    }

    private final Kind kind;

    @Child
    private ExprNode value;

    public JumpNode(Kind kind, ExprNode value) {
        this.kind = kind;
        this.value = value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        switch (kind) {
            case RETURN ->
                throw new ControlExceptions.Return(value == null ? Nil.INSTANCE : value.executeGeneric(frame));
            case BREAK -> throw ControlExceptions.Break.INSTANCE;
            default -> throw ControlExceptions.Continue.INSTANCE;
        }
    }
}
