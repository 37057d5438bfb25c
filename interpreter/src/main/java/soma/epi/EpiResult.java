package soma.epi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import soma.flow.FlowValue;
import soma.runtime.BoundMethods;
import soma.runtime.HasFields;
import soma.runtime.Nil;
import soma.runtime.Printer;
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

    /**
     * A summary a reader can check: the verdict and the kept epoch, the entropy, each constraint
     * line's estimate with its standard error and p-value (on the last check's fresh samples), and c.
     */
    @Override
    public String show() {
        Integer at = state.history.convergedEpoch();
        History.Check last = last();
        StringBuilder b = new StringBuilder("epi result for " + property.name + ": " + state.epoch + " epoch(s), "
                + (at != null ? "converged at epoch " + at : "not converged"));
        if (state.keptTheta != null && state.keptEpoch != state.epoch)
            b.append(", kept epoch ").append(state.keptEpoch).append(" (highest entropy of the passing epochs)");
        b.append(", H = ").append(Printer.number(last.entropy()));
        if (!state.finished)
            b.append(state.stoppedAt != null ? " (stopped by Ctrl-C in " + state.stoppedAt + ")" : " (interrupted)");
        int n = last.samples().length / Math.max(1, flow.flow.dim);
        b.append(String.format(
                Locale.ROOT, "%n  epoch %d check on %d fresh samples, c = %.3g:", last.epoch(), n, last.c()));
        for (int i = 0; i < property.count(); i++) {
            Moment mo = property.moments.get(i);
            double mu = state.mu[i], est = mu + last.r()[i], se = last.se() == null ? 0 : last.se()[i];
            String shown = mo.kind() == Moment.Kind.STD && est >= 0
                    ? String.format(
                            Locale.ROOT, "%.4g +- %.2g", Math.sqrt(est), est > 0 ? se / (2 * Math.sqrt(est)) : se)
                    : String.format(Locale.ROOT, "%.4g +- %.2g", est, se);
            b.append(String.format(Locale.ROOT, "%n    %-32s %s  (p = %.3g)", mo.text(), shown, last.pValues()[i]));
        }
        return b.toString();
    }

    /** The check that describes the flow as returned: the kept epoch's when one was restored, else the latest. */
    private History.Check last() {
        List<History.Check> checks = state.history.checks;
        if (state.finished && state.keptTheta != null) {
            for (History.Check c : checks) if (c.epoch() == state.keptEpoch) return c;
        }
        return checks.get(checks.size() - 1);
    }

    @Override
    public String typeName() {
        return "epi_result";
    }

    @Override
    public Object field(String name) {
        List<History.Check> checks = state.history.checks;
        int e = checks.size(), m = property.count();
        return switch (name) {
            case "flow" -> flow;
            case "converged" -> state.history.convergedEpoch() != null;
            case "converged_epoch" ->
                state.history.convergedEpoch() == null
                        ? Nil.INSTANCE
                        : (Object) (double) state.history.convergedEpoch();
            case "kept_epoch" -> state.keptTheta == null ? Nil.INSTANCE : (Object) (double) state.keptEpoch;
            case "entropy" -> last().entropy();
            case "moments" -> {
                SomaRecord rec = new SomaRecord();
                double[] est = new double[m], se = new double[m];
                for (int i = 0; i < m; i++) {
                    est[i] = state.mu[i] + last().r()[i];
                    se[i] = last().se() == null ? 0 : last().se()[i];
                }
                rec.put("statistic", new Tensor(new int[] {m}, est));
                rec.put("target", new Tensor(new int[] {m}, state.mu.clone()));
                rec.put("se", new Tensor(new int[] {m}, se));
                rec.put("p_values", new Tensor(new int[] {m}, last().pValues().clone()));
                yield rec;
            }
            case "epochs" -> (double) state.epoch;
            case "finished" -> state.finished;
            case "stopped_at" -> state.stoppedAt == null ? Nil.INSTANCE : state.stoppedAt;
            case "parameters" -> new SomaList(new ArrayList<>(parameters));
            case "history" -> {
                double[] epoch = new double[e],
                        h = new double[e],
                        c = new double[e],
                        norm = new double[e],
                        r = new double[e * m],
                        eta = new double[e * m],
                        p = new double[e * m];
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
        List<String> names = new ArrayList<>(List.of(
                "flow",
                "converged",
                "converged_epoch",
                "kept_epoch",
                "entropy",
                "moments",
                "epochs",
                "finished",
                "stopped_at",
                "parameters",
                "history",
                "snapshots"));
        names.addAll(methods.names());
        return names;
    }
}
