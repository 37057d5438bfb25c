package soma.nodes.variables;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.dsl.NodeField;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.frame.VirtualFrame;
import soma.nodes.ExprNode;
import soma.runtime.SomaException;

/** Reads a local of the current function, specialised on the slot's current tag. */
@NodeField(name = "slot", type = int.class)
@NodeField(name = "name", type = String.class)
public abstract class ReadLocalNode extends ExprNode {
    protected abstract int getSlot();

    protected abstract String getName();

    @Specialization(guards = "frame.isDouble(getSlot())")
    protected double readDouble(VirtualFrame frame) {
        return frame.getDouble(getSlot());
    }

    @Specialization(guards = "frame.isBoolean(getSlot())")
    protected boolean readBoolean(VirtualFrame frame) {
        return frame.getBoolean(getSlot());
    }

    @Specialization(replaces = {"readDouble", "readBoolean"})
    protected Object readObject(VirtualFrame frame) {
        if (!frame.isObject(getSlot())) {
            CompilerDirectives.transferToInterpreter();
            Object result = frame.getValue(getSlot());
            if (result == null) throw new SomaException("'" + getName() + "' is used before it has a value", this);
            frame.setObject(getSlot(), result);
            return result;
        }
        Object result = frame.getObject(getSlot());
        if (result == null) {
            CompilerDirectives.transferToInterpreter();
            throw new SomaException("'" + getName() + "' is used before it has a value", this);
        }
        return result;
    }
}
