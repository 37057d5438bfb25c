package soma.nodes.variables;

import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.NodeField;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;
import soma.nodes.ExprNode;

/** Writes a local of the current function, keeping doubles and bools unboxed in the frame. */
@NodeChild("value")
@NodeField(name = "slot", type = int.class)
public abstract class WriteLocalNode extends ExprNode {
    protected abstract int getSlot();

    @Specialization(guards = "isKind(frame, DOUBLE)")
    protected double writeDouble(VirtualFrame frame, double value) {
        frame.getFrameDescriptor().setSlotKind(getSlot(), FrameSlotKind.Double);
        frame.setDouble(getSlot(), value);
        return value;
    }

    @Specialization(guards = "isKind(frame, BOOLEAN)")
    protected boolean writeBoolean(VirtualFrame frame, boolean value) {
        frame.getFrameDescriptor().setSlotKind(getSlot(), FrameSlotKind.Boolean);
        frame.setBoolean(getSlot(), value);
        return value;
    }

    @Specialization(replaces = {"writeDouble", "writeBoolean"})
    protected Object write(VirtualFrame frame, Object value) {
        frame.getFrameDescriptor().setSlotKind(getSlot(), FrameSlotKind.Object);
        frame.setObject(getSlot(), value);
        return value;
    }

    static final FrameSlotKind DOUBLE = FrameSlotKind.Double;
    static final FrameSlotKind BOOLEAN = FrameSlotKind.Boolean;

    protected boolean isKind(VirtualFrame frame, FrameSlotKind wanted) {
        FrameSlotKind kind = frame.getFrameDescriptor().getSlotKind(getSlot());
        return kind == wanted || kind == FrameSlotKind.Illegal;
    }
}
