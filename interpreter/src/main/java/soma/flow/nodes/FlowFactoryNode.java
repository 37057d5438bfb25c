package soma.flow.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import java.util.ArrayList;
import java.util.List;
import soma.SomaContext;
import soma.builtins.Calls;
import soma.flow.Flow;
import soma.flow.FlowValue;
import soma.flow.LayerSpec;
import soma.flow.Layers;
import soma.flow.Mixture;
import soma.nodes.ExprNode;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.runtime.SomaException;
import soma.runtime.SomaFunction;
import soma.runtime.SomaList;
import soma.tensor.TensorException;

/**
 * The body of a flow declaration's constructor ({@code PlanarFlow(dim: 2)}): reads the
 * dimension, collects the layers (and the flow-level {@code mixture} and {@code symmetry} lines),
 * and builds a flow with fresh parameters drawn from the context's seeded generator.
 */
public final class FlowFactoryNode extends ExprNode {
    private final String name;

    @Child
    private ExprNode dim;

    @Children
    private final ExprNode[] items;

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
    private FlowValue build(Object dimension, List<Object> parts) {
        if (!(dimension instanceof Double v) || v != Math.rint(v) || v < 1 || v > 100_000) {
            throw new SomaException(
                    name + ": 'dim' must be a positive whole number, got " + Printer.show(dimension), this);
        }
        int d = v.intValue();
        List<LayerSpec> specs = new ArrayList<>();
        List<double[]> symmetries = new ArrayList<>();
        int components = 1;
        for (Object p : parts) {
            for (LayerSpec s : (List<LayerSpec>) p) {
                Node at = s.origin() instanceof Node n ? n : this;
                switch (s.kind()) {
                    case "mixture" -> components = components(s.options().get("components"), at);
                    case "symmetry" ->
                        symmetries.add(matrix((SomaFunction) s.options().get("map"), d, at));
                    default -> specs.add(s);
                }
            }
        }
        for (LayerSpec s : specs) {
            try {
                Layers.build(s, d); // checks the options, so an error points at its own line
            } catch (SomaError | TensorException e) {
                throw new SomaException(e.getMessage(), s.origin() instanceof Node n ? n : this);
            }
        }
        double[][] group;
        try {
            group = symmetries.isEmpty() ? null : Mixture.group(symmetries, d);
        } catch (SomaError | TensorException e) {
            throw new SomaException(name + ": " + e.getMessage(), this);
        }
        try {
            return new FlowValue(new Flow(
                    name, d, specs, components, group, SomaContext.get(this).rng()));
        } catch (SomaError | TensorException e) {
            throw new SomaException(name + ": " + e.getMessage(), this);
        }
    }

    private static int components(Object v, Node at) {
        if (v instanceof Double k && k == Math.rint(k) && k >= 1 && k <= 64) return k.intValue();
        throw new SomaException(
                "mixture: the number of components must be a whole number from 1 to 64, got " + Printer.show(v), at);
    }

    /**
     * The matrix of a declared symmetry, read off by applying it to the unit vectors, then checked
     * to be linear at a few other points (Soma's symmetries are linear maps such as sign flips and
     * swaps of coordinates).
     */
    private static double[] matrix(SomaFunction map, int d, Node at) {
        if (map.signature.arity() != d) {
            throw new SomaException(
                    "symmetry: the flow has dim = " + d + "; name all " + d + " coordinates, e.g. symmetry "
                            + example(d),
                    at);
        }
        double[] m = new double[d * d];
        for (int j = 0; j < d; j++) {
            double[] unit = new double[d];
            unit[j] = 1;
            double[] image = image(map, unit, at);
            for (int i = 0; i < d; i++) m[i * d + j] = image[i];
        }
        double[] probe = new double[d];
        for (int trial = 0; trial < 3; trial++) {
            for (int j = 0; j < d; j++) probe[j] = Math.sin(1.7 * (j + 1) + 2.3 * trial) * (trial + 1);
            double[] image = image(map, probe, at);
            for (int i = 0; i < d; i++) {
                double expected = 0;
                for (int j = 0; j < d; j++) expected += m[i * d + j] * probe[j];
                if (Math.abs(expected - image[i]) > 1e-9 * (1 + Math.abs(expected))) {
                    throw new SomaException(
                            "symmetry: the map must be linear (such as sign flips or swaps of coordinates)", at);
                }
            }
        }
        double det = Math.abs(Mixture.determinant(m, d));
        if (Math.abs(det - 1) > 1e-9) {
            throw new SomaException(
                    "symmetry: the map must preserve volume (|det| = 1), so that q(z) and q(g z) are densities "
                            + "of the same normalisation; this one has |det| = " + Printer.number(det),
                    at);
        }
        return m;
    }

    private static double[] image(SomaFunction map, double[] x, Node at) {
        Object[] args = new Object[x.length];
        for (int j = 0; j < x.length; j++) args[j] = x[j];
        Object r = Calls.call(map, args);
        if (r instanceof SomaList l && l.size() == x.length) {
            double[] out = new double[x.length];
            for (int i = 0; i < out.length; i++) {
                if (!(l.get(i) instanceof Double v))
                    throw new SomaException("symmetry: each image must be a number, got " + Printer.show(l.get(i)), at);
                out[i] = v;
            }
            return out;
        }
        throw new SomaException("symmetry: the map must give " + x.length + " numbers", at);
    }

    private static String example(int d) {
        List<String> names = new ArrayList<>(), images = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("z" + (j + 1));
            images.add(j == 0 ? "-z1" : "z" + (j + 1));
        }
        return "(" + String.join(", ", names) + ") -> (" + String.join(", ", images) + ")";
    }
}
