package soma.nodes.literals;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import java.util.ArrayList;
import soma.nodes.ExprNode;
import soma.runtime.SomaList;

public final class ListNode extends ExprNode {
    @Children private final ExprNode[] items;

    public ListNode(ExprNode[] items) { this.items = items; }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        Object[] values = new Object[items.length];
        for (int i = 0; i < items.length; i++) values[i] = items[i].executeGeneric(frame);
        return make(values);
    }

    @com.oracle.truffle.api.CompilerDirectives.TruffleBoundary
    private static SomaList make(Object[] values) {
        ArrayList<Object> list = new ArrayList<>(values.length);
        for (Object v : values) list.add(v);
        return new SomaList(list);
    }
}
