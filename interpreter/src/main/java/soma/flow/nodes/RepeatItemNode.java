package soma.flow.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import java.util.ArrayList;
import java.util.List;
import soma.flow.LayerSpec;
import soma.nodes.ExprNode;
import soma.runtime.Printer;
import soma.runtime.SomaException;

/** {@code repeat k { ... }} in a flow declaration: the enclosed layers, k times over (fresh parameters each time). */
public final class RepeatItemNode extends ExprNode {
    @Child
    private ExprNode count;

    @Children
    private final ExprNode[] body;

    public RepeatItemNode(ExprNode count, ExprNode[] body) {
        this.count = count;
        this.body = body;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object k = count.executeGeneric(frame);
        List<Object> parts = new ArrayList<>();
        for (ExprNode b : body) parts.add(b.executeGeneric(frame));
        return repeat(k, parts);
    }

    @TruffleBoundary
    @SuppressWarnings("unchecked")
    private List<LayerSpec> repeat(Object k, List<Object> parts) {
        if (!(k instanceof Double d) || d != Math.rint(d) || d < 0 || d > 10_000) {
            throw new SomaException("repeat needs a whole number of times (0 .. 10000), got " + Printer.show(k), count);
        }
        List<LayerSpec> out = new ArrayList<>();
        for (int i = 0; i < d; i++) for (Object p : parts) out.addAll((List<LayerSpec>) p);
        return out;
    }
}
