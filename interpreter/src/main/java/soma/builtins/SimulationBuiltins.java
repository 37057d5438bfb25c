package soma.builtins;

import java.util.ArrayList;
import java.util.List;
import soma.builtins.options.Names;
import soma.builtins.options.SimulationOptions;
import soma.model.Evaluator;
import soma.model.ModelInstance;
import soma.model.Sensitivity;
import soma.numerics.Simulator;
import soma.runtime.Nil;
import soma.runtime.SomaList;
import soma.runtime.SomaRecord;
import soma.runtime.TensorHooks;
import soma.tensor.Tensor;

/** simulate(): integrating ode and network instances, one run or a batch over parameter sets. */
final class SimulationBuiltins {
    private SimulationBuiltins() {}

    static void register(Builtins r) {
        r.constant("euler", "euler");
        r.constant("rk4", "rk4");
        r.constant("dopri5", "dopri5");
        r.def(
                "simulate(model, t = nil, dt = 0.01, steps = nil, method = \"rk4\", rtol = 1e-6, atol = 1e-9, from = nil, "
                        + "record = nil, every = 1, params = nil, over = nil, threads = nil, t0 = 0, sensitivities = [])",
                "integrate a model instance for time t (or a number of steps) with euler, rk4 or dopri5; "
                        + "params: a (samples x k) matrix with over: [k parameter names], or a record of vectors, runs a batch; "
                        + "sensitivities: [parameter names] also integrates dX/dp for each (run[\"dv/dI\"])",
                SimulationBuiltins::simulate);
        r.def(
                "forward(model, ...inputs)",
                "outputs of a network for the given inputs (in the order declared): "
                        + "its definitions that depend on them, a record when there are several",
                a -> {
                    ModelInstance model = a.model("model");
                    List<Object> inputs = a.list("inputs").items;
                    SomaRecord given = new SomaRecord();
                    for (var s : model.declaration.states) {
                        if (!s.input()) continue;
                        if (given.fields.size() == inputs.size())
                            throw a.error(model.declaration.name + " needs a value for input '" + s.name() + "'");
                        given.put(s.name(), inputs.get(given.fields.size()));
                    }
                    if (given.fields.size() < inputs.size())
                        throw a.error(model.declaration.name + " has " + given.fields.size() + " input(s), got "
                                + inputs.size() + " values");
                    return Evaluator.outputs(Evaluator.at(model, model.stateVector(given), 0, a.context()));
                });
        r.def(
                "derivative(model, state = nil, t = 0, flat = false)",
                "the right-hand side f(t, state) of an ode, as a record of the states' rates "
                        + "(state: a record or flat vector; default the initial state); flat: true gives one vector",
                a -> {
                    ModelInstance model = a.model("model");
                    Evaluator.Compiled result =
                            Evaluator.at(model, stateVector(a.get("state"), model), a.num("t"), a.context());
                    double[] dy = result.derivative();
                    return a.bool("flat")
                            ? new Tensor(new int[] {dy.length}, dy)
                            : result.model().split(dy, true);
                });
    }

    /** A state given as a record (missing variables: the initial values), a flat vector, or nil (the initial state). */
    static double[] stateVector(Object v, ModelInstance model) {
        if (v == Nil.INSTANCE) return model.stateVector(new SomaRecord());
        if (v instanceof SomaRecord rec) return model.stateVector(rec);
        return TensorHooks.toTensor(v, "state").flatten().realData().clone();
    }

    private static Object simulate(Args a) {
        ModelInstance model = a.model("model");
        SimulationOptions sim = SimulationOptions.read(a);
        List<String> record = sim.record();
        List<String> over = null;
        double[][] batch = null;
        if (a.given("params")) {
            if (a.get("params") instanceof SomaRecord rec) {
                over = new ArrayList<>(rec.fields.keySet());
                batch = columns(a, rec, over);
            } else {
                if (!a.given("over")) throw a.error("a params matrix needs over: [names of its columns]");
                over = Names.read(a, "over");
                batch = rows(TensorHooks.toTensor(a.get("params"), "simulate: params"), over.size(), a);
            }
            if (batch.length == 0) throw a.error("params has no samples: give at least one value per parameter");
        }
        double[] from = a.given("from") ? stateVector(a.get("from"), model) : null;
        List<String> sensitivities =
                a.given("sensitivities") && a.get("sensitivities") instanceof SomaList l && !l.items.isEmpty()
                        ? Names.read(a, "sensitivities")
                        : List.of();
        if (record != null) {
            List<String> withTangents = new ArrayList<>(record);
            for (String p : sensitivities) for (String s : record) withTangents.add(Sensitivity.tangentName(s, p));
            record = withTangents;
        }
        return Simulator.simulate(
                model, sim.toSimulator(a.num("t0"), record, over, batch, from, sensitivities), a.context());
    }

    private static double[][] rows(Tensor p, int k, Args a) {
        if (p.rank() == 1 && k == 1) p = p.reshape(p.size(), 1);
        if (p.rank() != 2 || p.shape()[1] != k) {
            throw a.error("params must be a (samples x " + k + ") matrix for over: of " + k + " name(s), got shape "
                    + p.shapeString());
        }
        int n = p.shape()[0];
        double[][] out = new double[n][k];
        for (int s = 0; s < n; s++) System.arraycopy(p.realData(), s * k, out[s], 0, k);
        return out;
    }

    private static double[][] columns(Args a, SomaRecord rec, List<String> over) {
        int n = -1;
        double[][] cols = new double[over.size()][];
        for (int k = 0; k < cols.length; k++) {
            cols[k] = TensorHooks.toTensor(rec.get(over.get(k)), "params." + over.get(k))
                    .flatten()
                    .realData();
            if (n >= 0 && cols[k].length != n) throw a.error("params: every parameter needs the same number of values");
            n = cols[k].length;
        }
        double[][] out = new double[Math.max(0, n)][cols.length];
        for (int s = 0; s < n; s++) for (int k = 0; k < cols.length; k++) out[s][k] = cols[k][s];
        return out;
    }
}
