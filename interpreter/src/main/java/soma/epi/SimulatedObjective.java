package soma.epi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import soma.model.ModelInstance;
import soma.model.Sensitivity;
import soma.numerics.Simulator;
import soma.numerics.Trajectory;
import soma.runtime.Host;
import soma.tensor.Tensor;

/**
 * An ode or network simulated for each parameter vector. Gradients come in two exact-in-the-limit
 * pieces: the simulation's dx/dz by forward sensitivities (integrated with the trajectory, about
 * 1 + k times the cost of a plain run), and the statistic's derivative along each sensitivity
 * direction by a central difference, T(x + h dx/dz_j) - T(x - h dx/dz_j) over 2h (a
 * Jacobian-vector product of whatever statistic the constraint computes, with O(h^2) error). With
 * many parameters the k sensitivities dominate; reverse-mode adjoints would be the remedy.
 */
public final class SimulatedObjective implements Objective {
    private final ModelInstance instance;
    private final List<String> over;
    private final Simulator.Options base;
    private final ConstraintValue property;
    private final Host context;
    /** What each kind of run records: fixed by the model and the constraint, so worked out once. */
    private final List<String> recordPlain, recordWithTangents;

    public SimulatedObjective(
            ModelInstance instance, List<String> over, Simulator.Options base, ConstraintValue property, Host context) {
        this.instance = instance;
        this.over = over;
        this.base = base;
        this.property = property;
        this.context = context;
        this.recordPlain = recorded(false);
        this.recordWithTangents = recorded(true);
    }

    @Override
    public Evaluation evaluate(double[] z, int n, boolean gradients) {
        int k = over.size(), m = property.count();
        double[][] rows = new double[n][k];
        for (int s = 0; s < n; s++) System.arraycopy(z, s * k, rows[s], 0, k);
        Simulator.Options o = new Simulator.Options(
                base.method(),
                base.t0(),
                base.dt(),
                base.steps(),
                base.every(),
                gradients ? recordWithTangents : recordPlain,
                base.rtol(),
                base.atol(),
                over,
                rows,
                base.from(),
                base.threads(),
                gradients ? over : List.of());
        // The batch path's own functions (soma.util.FastMath, within 2-4 ulp of StrictMath, the same
        // on every machine), not the platform's: exact Math functions (BatchSimulator.exactly) made
        // the batch's results equal the scalar path's bit for bit, but cost a third of an iteration
        // (issue 20: 30.8 against 20.3 ms, batch 300, T = 200); the gradient steps do turn such
        // last-bit differences into another run of the optimiser, as any change of seed does.
        Trajectory run = Simulator.simulate(instance, o, context);
        LinkedHashMap<String, Tensor> states = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : run.series.entrySet())
            if (!Sensitivity.isTangent(e.getKey())) states.put(e.getKey(), e.getValue());
        Trajectory plain = run.withSeries(states);
        ConstraintValue.Values at = property.evaluate(plain, n);
        if (!gradients) return new Evaluation(at.t(), null, at.mu());
        double[] g = new double[n * m * k];
        for (int j = 0; j < k; j++) {
            double h = Objective.step(z, n, k, j);
            double[] plus = property.evaluate(run.withSeries(shifted(run, states, over.get(j), h)), n)
                    .t();
            double[] minus = property.evaluate(run.withSeries(shifted(run, states, over.get(j), -h)), n)
                    .t();
            Objective.difference(plus, minus, h, g, n, m, k, j);
        }
        return new Evaluation(at.t(), g, at.mu());
    }

    /**
     * Only the states the constraint reads (and their sensitivities) are recorded: for the STG hub
     * frequency that is V, a third of the memory traffic of all 15 states. Null (everything) when
     * the constraint uses the simulation in other ways.
     */
    private List<String> recorded(boolean gradients) {
        List<String> fields = property.fieldsRead;
        if (fields == null) return null;
        Set<String> states = new HashSet<>();
        for (var s : instance.declaration.states) if (!s.input()) states.add(s.name());
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            if (states.contains(f)) out.add(f);
            else if (!f.equals("t") && !f.equals("samples") && !f.equals("steps")) return null;
        }
        if (out.isEmpty()) return null;
        if (gradients) {
            for (String p : over)
                for (String f : List.copyOf(out)) if (states.contains(f)) out.add(Sensitivity.tangentName(f, p));
        }
        return out;
    }

    /** Every state series moved by h times its sensitivity to parameter p. */
    private static LinkedHashMap<String, Tensor> shifted(
            Trajectory run, Map<String, Tensor> states, String p, double h) {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : states.entrySet()) {
            double[] x = e.getValue().realData(),
                    dx = run.series.get(Sensitivity.tangentName(e.getKey(), p)).realData();
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = x[i] + h * dx[i];
            out.put(e.getKey(), new Tensor(e.getValue().shape(), y));
        }
        return out;
    }
}
