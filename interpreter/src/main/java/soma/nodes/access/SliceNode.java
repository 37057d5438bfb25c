package soma.nodes.access;

import com.oracle.truffle.api.frame.VirtualFrame;
import soma.nodes.ExprNode;
import soma.runtime.Printer;
import soma.runtime.Slice;
import soma.runtime.SomaException;

/** The {@code lo:hi:step} part of an index expression. */
public final class SliceNode extends ExprNode {
    @Child
    private ExprNode lo;

    @Child
    private ExprNode hi;

    @Child
    private ExprNode step;

    public SliceNode(ExprNode lo, ExprNode hi, ExprNode step) {
        this.lo = lo;
        this.hi = hi;
        this.step = step;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return new Slice(bound(lo, frame), bound(hi, frame), bound(step, frame));
    }

    private Double bound(ExprNode node, VirtualFrame frame) {
        if (node == null) return null;
        Object v = node.executeGeneric(frame);
        if (v instanceof Double d) return d;
        throw new SomaException("slice bounds must be numbers, got a " + Printer.typeName(v), node);
    }
}
