package soma.nodes.variables;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.profiles.CountingConditionProfile;
import soma.nodes.ExprNode;
import soma.runtime.Missing;

/** A parameter's value at function entry: the argument, or the default when it was omitted. */
public final class ParamNode extends ExprNode {
    private final int index;

    @Child
    private ExprNode defaultValue;

    private final CountingConditionProfile missing = CountingConditionProfile.create();

    public ParamNode(int index, ExprNode defaultValue) {
        this.index = index;
        this.defaultValue = defaultValue;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object v = frame.getArguments()[index + 1];
        if (missing.profile(v == Missing.INSTANCE)) {
            return defaultValue.executeGeneric(frame);
        }
        return v;
    }
}
