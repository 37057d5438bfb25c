package soma.nodes.variables;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.VirtualFrame;
import soma.nodes.ExprNode;
import soma.runtime.SomaException;

/** Reads a variable of an enclosing function through the closure chain. */
public final class ReadOuterNode extends ExprNode {
    private final int depth;
    private final int slot;
    private final String name;

    public ReadOuterNode(int depth, int slot, String name) {
        this.depth = depth;
        this.slot = slot;
        this.name = name;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Frame outer = OuterFrames.walk(frame, depth);
        Object value = outer.getValue(slot);
        if (value == null) {
            CompilerDirectives.transferToInterpreter();
            throw new SomaException("'" + name + "' is used before it has a value", this);
        }
        return value;
    }
}
