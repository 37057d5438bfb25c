package soma.epi;

import java.util.ArrayList;
import java.util.List;
import soma.builtins.BoundMethods;
import soma.flow.FlowValue;
import soma.runtime.HasFields;
import soma.runtime.Nil;
import soma.runtime.SomaList;
import soma.runtime.SomaRecord;
import soma.runtime.SomaValue;
import soma.tensor.Tensor;

/** What {@code epi(...)} returns: the trained flow, the history of checks, and the convergence verdict. */
public final class EpiResult implements SomaValue, HasFields {
    public final Epi.State state;
    public final FlowValue flow;
    public final ConstraintValue property;
    public final List<String> parameters;
    private final BoundMethods methods = new BoundMethods("epi_result", this);

    public EpiResult(Epi.State state, FlowValue flow, ConstraintValue property, List<String> parameters) {
        this.state = state;
        this.flow = flow;
        this.property = property;
        this.parameters = parameters;
    }

    @Override
    public String show() {
        Integer at = state.history.convergedEpoch();
        History.Check last = state.history.checks.get(state.history.checks.size() - 1);
        return "epi result for " + property.name + ": " + state.epoch + " epoch(s), "
                + (at != null ? "converged at epoch " + at : "not converged") + ", H = " + soma.runtime.Printer.number(last.entropy())
                + (state.finished ? "" : state.stoppedAt != null ? " (stopped by Ctrl-C in " + state.stoppedAt + ")" : " (interrupted)");
    }

    @Override public String typeName() { return "epi_result"; }

    @Override
    public Object field(String name) {
        List<History.Check> checks = state.history.checks;
        int e = checks.size(), m = property.count();
        return switch (name) {
            case "flow" -> flow;
            case "converged" -> state.history.convergedEpoch() != null;
            case "converged_epoch" -> state.history.convergedEpoch() == null ? Nil.INSTANCE : (Object) (double) state.history.convergedEpoch();
            case "epochs" -> (double) state.epoch;
            case "finished" -> state.finished;
            case "stopped_at" -> state.stoppedAt == null ? Nil.INSTANCE : state.stoppedAt;
            case "parameters" -> new SomaList(new ArrayList<>(parameters));
            case "history" -> {
                double[] epoch = new double[e], h = new double[e], c = new double[e], norm = new double[e], r = new double[e * m],
                        eta = new double[e * m], p = new double[e * m];
                double[] pass = new double[e];
                for (int i = 0; i < e; i++) {
                    History.Check k = checks.get(i);
                    epoch[i] = k.epoch();
                    h[i] = k.entropy();
                    c[i] = k.c();
                    norm[i] = AugmentedLagrangian.norm(k.r());
                    pass[i] = k.passed() ? 1 : 0;
                    System.arraycopy(k.r(), 0, r, i * m, m);
                    System.arraycopy(k.eta(), 0, eta, i * m, m);
                    System.arraycopy(k.pValues(), 0, p, i * m, m);
                }
                SomaRecord rec = new SomaRecord();
                rec.put("epoch", new Tensor(new int[] {e}, epoch));
                rec.put("entropy", new Tensor(new int[] {e}, h));
                rec.put("R", new Tensor(new int[] {e, m}, r));
                rec.put("norm_R", new Tensor(new int[] {e}, norm));
                rec.put("c", new Tensor(new int[] {e}, c));
                rec.put("eta", new Tensor(new int[] {e, m}, eta));
                rec.put("p_values", new Tensor(new int[] {e, m}, p));
                rec.put("passed", new Tensor(new int[] {e}, pass, null, true));
                yield rec;
            }
            case "snapshots" -> {
                List<Object> l = new ArrayList<>();
                int d = flow.flow.dim;
                for (History.Check k : checks) l.add(new Tensor(new int[] {k.samples().length / d, d}, k.samples()));
                yield new SomaList(l);
            }
            default -> methods.get(name);
        };
    }

    @Override
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>(List.of("flow", "converged", "converged_epoch", "epochs", "finished", "stopped_at", "parameters", "history", "snapshots"));
        names.addAll(methods.names());
        return names;
    }
}
