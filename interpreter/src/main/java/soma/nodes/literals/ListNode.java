package soma.nodes.literals;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import java.util.ArrayList;
import soma.nodes.Evaluation;
import soma.nodes.ExprNode;
import soma.runtime.SomaList;

public final class ListNode extends ExprNode {
    @Children
    private final ExprNode[] items;

    public ListNode(ExprNode[] items) {
        this.items = items;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        return make(Evaluation.all(items, frame));
    }

    @com.oracle.truffle.api.CompilerDirectives.TruffleBoundary
    private static SomaList make(Object[] values) {
        ArrayList<Object> list = new ArrayList<>(values.length);
        for (Object v : values) list.add(v);
        return new SomaList(list);
    }
}
