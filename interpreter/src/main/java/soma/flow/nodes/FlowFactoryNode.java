package soma.flow.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import java.util.ArrayList;
import java.util.List;
import soma.SomaContext;
import soma.flow.Flow;
import soma.flow.FlowValue;
import soma.flow.LayerSpec;
import soma.nodes.ExprNode;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.runtime.SomaException;

/**
 * The body of a flow declaration's constructor ({@code PlanarFlow(dim: 2)}): reads the
 * dimension, collects the layers, and builds a flow with fresh parameters drawn from the
 * context's seeded generator.
 */
public final class FlowFactoryNode extends ExprNode {
    private final String name;
    @Child private ExprNode dim;
    @Children private final ExprNode[] items;

    public FlowFactoryNode(String name, ExprNode dim, ExprNode[] items) {
        this.name = name;
        this.dim = dim;
        this.items = items;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object d = dim.executeGeneric(frame);
        List<Object> parts = new ArrayList<>();
        for (ExprNode item : items) parts.add(item.executeGeneric(frame));
        return build(d, parts);
    }

    @TruffleBoundary
    @SuppressWarnings("unchecked")
    private FlowValue build(Object d, List<Object> parts) {
        if (!(d instanceof Double v) || v != Math.rint(v) || v < 1 || v > 100_000) {
            throw new SomaException(name + ": 'dim' must be a positive whole number, got " + Printer.show(d), this);
        }
        List<LayerSpec> specs = new ArrayList<>();
        for (Object p : parts) specs.addAll((List<LayerSpec>) p);
        for (LayerSpec s : specs) {
            try {
                soma.flow.Layers.build(s, v.intValue()); // checks the options, so an error points at its own line
            } catch (SomaError e) {
                throw new SomaException(e.getMessage(), s.origin() instanceof com.oracle.truffle.api.nodes.Node n ? n : this);
            }
        }
        try {
            return new FlowValue(new Flow(name, v.intValue(), specs, SomaContext.get(this).rng()));
        } catch (SomaError e) {
            throw new SomaException(name + ": " + e.getMessage(), this);
        }
    }
}
