package soma.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import soma.runtime.BoundMethods;
import soma.runtime.HasFields;
import soma.runtime.Nil;
import soma.runtime.SomaList;
import soma.runtime.SomaRecord;
import soma.runtime.SomaValue;
import soma.tensor.Tensor;

/**
 * A flow as scripts see it: {@code q.sample(n)}, {@code q.log_prob(z)}, {@code q.fit(target)},
 * {@code q.save(path)} ... (the methods are registered in FlowBuiltins), and fields describing it.
 */
public final class FlowValue implements SomaValue, HasFields {
    public final Flow flow;
    private final BoundMethods methods = new BoundMethods("flow", this);
    private FlowFit.History history;

    public FlowValue(Flow flow) {
        this.flow = flow;
    }

    void setHistory(FlowFit.History h) {
        this.history = h;
    }

    public FlowFit.History history() {
        return history;
    }

    @Override
    public String show() {
        List<String> parts = new ArrayList<>();
        String last = null;
        int run = 0;
        for (Layer l : flow.layers) {
            String d = l.describe();
            if (d.equals(last)) {
                run++;
                continue;
            }
            if (last != null) parts.add(run > 1 ? run + " x " + last : last);
            last = d;
            run = 1;
        }
        if (last != null) parts.add(run > 1 ? run + " x " + last : last);
        String extra = "";
        if (flow.components() > 1) {
            List<String> w = new ArrayList<>();
            for (double p : Mixture.weights(flow)) w.add(String.format(Locale.ROOT, "%.3f", p));
            extra += "; mixture of " + flow.components() + " (weights " + String.join(", ", w) + ")";
        }
        if (flow.groupSize() > 1) extra += "; symmetric under a group of " + flow.groupSize() + " maps";
        return "flow " + flow.name + "(dim = " + flow.dim + "): " + String.join(", ", parts) + extra + "; "
                + flow.paramCount() + " parameters";
    }

    @Override
    public String typeName() {
        return "flow";
    }

    @Override
    public Object field(String name) {
        return switch (name) {
            case "name" -> flow.name;
            case "dim" -> (double) flow.dim;
            case "params" -> (double) flow.paramCount();
            case "components" -> (double) flow.components();
            case "weights" -> new Tensor(new int[] {flow.components()}, Mixture.weights(flow));
            case "symmetries" -> {
                List<Object> maps = new ArrayList<>();
                for (double[] g : flow.group) maps.add(new Tensor(new int[] {flow.dim, flow.dim}, g.clone()));
                yield new SomaList(maps);
            }
            case "parameters" -> new Tensor(new int[] {flow.paramCount()}, flow.theta.clone());
            case "layers" -> {
                List<Object> l = new ArrayList<>();
                for (String s : flow.describeLayers()) l.add(s);
                yield new SomaList(l);
            }
            case "support" -> {
                BoxSupport b = flow.box();
                if (b == null) yield Nil.INSTANCE;
                double[] lo = new double[flow.dim], hi = new double[flow.dim];
                for (int j = 0; j < flow.dim; j++) {
                    lo[j] = b.lo(j);
                    hi[j] = b.hi(j);
                }
                SomaRecord r = new SomaRecord();
                r.put("lo", new Tensor(new int[] {flow.dim}, lo));
                r.put("hi", new Tensor(new int[] {flow.dim}, hi));
                yield r;
            }
            case "history" -> {
                if (history == null) yield Nil.INSTANCE;
                SomaRecord r = new SomaRecord();
                r.put("iteration", new Tensor(new int[] {history.iterations().length}, history.iterations()));
                r.put(history.measure(), new Tensor(new int[] {history.loss().length}, history.loss()));
                yield r;
            }
            default -> methods.get(name);
        };
    }

    @Override
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>(List.of(
                "name",
                "dim",
                "params",
                "components",
                "weights",
                "symmetries",
                "parameters",
                "layers",
                "support",
                "history"));
        names.addAll(methods.names());
        return names;
    }
}
