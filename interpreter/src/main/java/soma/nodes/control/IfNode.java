package soma.nodes.control;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.profiles.CountingConditionProfile;
import soma.nodes.Conditions;
import soma.nodes.ExprNode;
import soma.runtime.Nil;

/** {@code if c { a } else { b }}, usable as an expression. */
public final class IfNode extends ExprNode {
    @Child
    private ExprNode condition;

    @Child
    private ExprNode thenBranch;

    @Child
    private ExprNode elseBranch;

    private final CountingConditionProfile profile = CountingConditionProfile.create();

    public IfNode(ExprNode condition, ExprNode thenBranch, ExprNode elseBranch) {
        this.condition = condition;
        this.thenBranch = thenBranch;
        this.elseBranch = elseBranch;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        if (profile.profile(Conditions.evaluate(condition, frame))) {
            return thenBranch.executeGeneric(frame);
        }
        return elseBranch == null ? Nil.INSTANCE : elseBranch.executeGeneric(frame);
    }
}
