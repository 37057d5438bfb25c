package soma.flow.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import soma.flow.LayerSpec;
import soma.nodes.ExprNode;

/**
 * One layer line of a flow declaration ({@code planar}, {@code coupling(hidden: 32)},
 * {@code support box(0, 20)}): evaluates the option expressions in the declaration's scope and
 * yields a one-element list of layer specs. Options were matched to names at parse time.
 */
public final class LayerItemNode extends ExprNode {
    private final String kind;
    private final String[] optionNames;

    @Children
    private final ExprNode[] values;

    public LayerItemNode(String kind, String[] optionNames, ExprNode[] values) {
        this.kind = kind;
        this.optionNames = optionNames;
        this.values = values;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        Object[] v = new Object[values.length];
        for (int i = 0; i < values.length; i++) v[i] = values[i].executeGeneric(frame);
        return spec(v);
    }

    @TruffleBoundary
    private List<LayerSpec> spec(Object[] v) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) options.put(optionNames[i], v[i]);
        List<LayerSpec> out = new ArrayList<>();
        out.add(new LayerSpec(kind, options, this));
        return out;
    }
}
