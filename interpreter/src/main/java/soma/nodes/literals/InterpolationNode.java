package soma.nodes.literals;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import soma.nodes.Evaluation;
import soma.nodes.ExprNode;
import soma.runtime.Printer;

/** {@code "text {expr} text"}: the parts are evaluated and shown as print would show them. */
public final class InterpolationNode extends ExprNode {
    @Children
    private final ExprNode[] parts;

    public InterpolationNode(ExprNode[] parts) {
        this.parts = parts;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        return join(Evaluation.all(parts, frame));
    }

    @TruffleBoundary
    private static String join(Object[] values) {
        StringBuilder sb = new StringBuilder();
        for (Object v : values) sb.append(Printer.show(v));
        return sb.toString();
    }
}
