package soma.epi.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import java.util.List;
import soma.epi.ConstraintValue;
import soma.epi.Moment;
import soma.nodes.ExprNode;
import soma.runtime.SomaFunction;

/** Evaluates a constraint declaration: its compiled body as a function, wrapped with its moment lines. */
public final class ConstraintNode extends ExprNode {
    private final String name;
    private final List<Moment> moments;
    private final List<String> fields;

    @Child
    private ExprNode function;

    public ConstraintNode(String name, List<Moment> moments, ExprNode function, List<String> fields) {
        this.name = name;
        this.moments = moments;
        this.function = function;
        this.fields = fields;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return make((SomaFunction) function.executeGeneric(frame));
    }

    @TruffleBoundary
    private ConstraintValue make(SomaFunction f) {
        return new ConstraintValue(name, f, moments, fields);
    }
}
