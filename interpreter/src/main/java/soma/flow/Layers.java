package soma.flow;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.runtime.SomaFunction;
import soma.runtime.SomaList;
import soma.runtime.TensorHooks;
import soma.tensor.Tensor;
import soma.tensor.TensorException;

/** The one place that knows every layer kind: what a declaration may name, and how to build it. */
public final class Layers {
    private Layers() {}

    /** Layer kinds, with their option names (positional options are taken in this order). */
    public static final Map<String, List<String>> KINDS = Map.ofEntries(
            Map.entry("planar", List.of()),
            Map.entry("radial", List.of()),
            Map.entry("scale", List.of()),
            Map.entry("shift", List.of()),
            Map.entry("affine", List.of()),
            Map.entry("coupling", List.of("hidden", "layers")),
            Map.entry("maf", List.of("hidden", "layers")),
            Map.entry("spline", List.of("bins", "hidden", "layers", "bound")),
            Map.entry("batchnorm", List.of()),
            Map.entry("permute", List.of("order")),
            Map.entry("box", List.of("lo", "hi", "map")),
            Map.entry("positive", List.of("map")));

    /** Kinds that may only follow {@code support}. */
    public static final Set<String> SUPPORTS = Set.of("box", "positive");

    public static Layer build(LayerSpec spec, int dim) {
        Map<String, Object> o = spec.options();
        return switch (spec.kind()) {
            case "planar" -> new Planar(dim);
            case "radial" -> new Radial(dim);
            case "scale" -> new Scale(dim);
            case "shift" -> new Shift(dim);
            case "affine" -> new Affine(dim);
            case "coupling" -> {
                if (dim < 2) throw new SomaError("coupling layers need dim >= 2 (they split the coordinates in two)");
                yield new Coupling(dim, whole(o, "hidden", 16), whole(o, "layers", 1));
            }
            case "maf" -> new Autoregressive(dim, whole(o, "hidden", 16), whole(o, "layers", 1));
            case "spline" -> {
                int bins = whole(o, "bins", 8);
                if (bins * RationalQuadratic.MIN_BIN >= 1) {
                    throw new SomaError("spline: 'bins' must be below " + Math.round(1 / RationalQuadratic.MIN_BIN)
                            + " (each bin keeps a minimum width), got " + bins);
                }
                yield new SplineCoupling(
                        dim, bins, whole(o, "hidden", 16), whole(o, "layers", 1), positive(o, "bound", 3));
            }
            case "batchnorm" -> new BatchNorm(dim);
            case "permute" -> new Permute(dim, order(o.get("order"), dim));
            case "box" -> {
                double[] lo = bound(o.get("lo"), dim, "lo"), hi = bound(o.get("hi"), dim, "hi");
                for (int j = 0; j < dim; j++) {
                    if (!(hi[j] > lo[j]))
                        throw new SomaError("support box: upper bound must exceed lower bound in coordinate " + j);
                }
                String map = mapName(o.get("map"), "sigmoid");
                if (!map.equals("sigmoid") && !map.equals("tanh"))
                    throw new SomaError("support box: map must be sigmoid or tanh, got " + map);
                yield new BoxSupport(dim, lo, hi, map.equals("tanh"));
            }
            case "positive" -> {
                String map = mapName(o.get("map"), "softplus");
                if (!map.equals("softplus") && !map.equals("exp"))
                    throw new SomaError("support positive: map must be softplus or exp, got " + map);
                yield new PositiveSupport(dim, map.equals("exp"));
            }
            default ->
                throw new SomaError("unknown flow layer '" + spec.kind() + "' (layers: "
                        + String.join(", ", new TreeSet<>(KINDS.keySet())) + ")");
        };
    }

    private static int whole(Map<String, Object> o, String name, int fallback) {
        Object v = o.get(name);
        if (v == null) return fallback;
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 1)
            return n.intValue();
        throw new SomaError("'" + name + "' must be a positive whole number, got " + Printer.show(v));
    }

    private static double positive(Map<String, Object> o, String name, double fallback) {
        Object v = o.get(name);
        if (v == null) return fallback;
        if (v instanceof Number n && n.doubleValue() > 0 && Double.isFinite(n.doubleValue())) return n.doubleValue();
        throw new SomaError("'" + name + "' must be a positive number, got " + Printer.show(v));
    }

    private static double[] bound(Object v, int dim, String name) {
        double[] b = new double[dim];
        if (v instanceof Number n) {
            Arrays.fill(b, n.doubleValue());
            return b;
        }
        double[] list = numbers(v);
        if (list == null || list.length != dim) {
            throw new SomaError("support box: '" + name + "' must be a number or a list of " + dim + " numbers, got "
                    + Printer.show(v));
        }
        return list;
    }

    private static int[] order(Object v, int dim) {
        if (v == null) return null;
        double[] list = numbers(v);
        boolean[] seen = new boolean[dim];
        if (list != null && list.length == dim) {
            int[] order = new int[dim];
            boolean ok = true;
            for (int j = 0; j < dim; j++) {
                int k = (int) list[j];
                ok &= k == list[j] && k >= 0 && k < dim && !seen[k];
                if (ok) seen[k] = true;
                order[j] = k;
            }
            if (ok) return order;
        }
        throw new SomaError("permute: 'order' must list each of 0 .. " + (dim - 1) + " once, got " + Printer.show(v));
    }

    /** Numbers from a Soma list, a tensor or a saved JSON list; null if it is none of those. */
    static double[] numbers(Object v) {
        if (v instanceof Tensor || v instanceof SomaList) {
            try {
                Tensor t = TensorHooks.toTensor(v, "option");
                return t.rank() <= 1 && t.imagData() == null ? t.realData().clone() : null;
            } catch (SomaError | TensorException e) {
                return null;
            }
        }
        if (v instanceof List<?>) return FlowJson.doubles(v);
        return null;
    }

    /** A map given as a string ("tanh") or as the math function itself (tanh). */
    private static String mapName(Object v, String fallback) {
        if (v == null) return fallback;
        if (v instanceof String s) return s;
        if (v instanceof SomaFunction f) return f.name();
        throw new SomaError("a support map is named by a string or function, got " + Printer.show(v));
    }
}
