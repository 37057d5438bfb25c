package soma.nodes.variables;

import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;
import soma.nodes.ExprNode;

/** Assigns a variable of an enclosing function (boxed: closures share the frame). */
public final class WriteOuterNode extends ExprNode {
    private final int depth;
    private final int slot;

    @Child
    private ExprNode value;

    public WriteOuterNode(int depth, int slot, ExprNode value) {
        this.depth = depth;
        this.slot = slot;
        this.value = value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object v = value.executeGeneric(frame);
        Frame outer = OuterFrames.walk(frame, depth);
        outer.getFrameDescriptor().setSlotKind(slot, FrameSlotKind.Object);
        outer.setObject(slot, v);
        return v;
    }
}
