package soma.builtins;

import java.util.ArrayList;
import java.util.List;
import soma.model.Evaluator;
import soma.model.ModelInstance;
import soma.numerics.Method;
import soma.numerics.Simulator;
import soma.runtime.Printer;
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
        r.def("simulate(model, t = nil, dt = 0.01, steps = nil, method = \"rk4\", rtol = 1e-6, atol = 1e-9, from = nil, "
                        + "record = nil, every = 1, params = nil, over = nil, threads = nil, t0 = 0, sensitivities = [])",
                "integrate a model instance for time t (or a number of steps) with euler, rk4 or dopri5; "
                        + "params: a (samples x k) matrix with over: [k parameter names], or a record of vectors, runs a batch; "
                        + "sensitivities: [parameter names] also integrates dX/dp for each (run[\"dv/dI\"])",
                SimulationBuiltins::simulate);
        r.def("forward(model, ...inputs)", "outputs of a network for the given inputs (in the order declared): "
                + "its definitions that depend on them, a record when there are several", a -> {
            ModelInstance model = a.model(0);
            List<Object> inputs = a.list(1).items;
            SomaRecord given = new SomaRecord();
            for (var s : model.declaration.states) {
                if (!s.input()) continue;
                if (given.fields.size() == inputs.size()) throw a.error(model.declaration.name + " needs a value for input '" + s.name() + "'");
                given.put(s.name(), inputs.get(given.fields.size()));
            }
            if (given.fields.size() < inputs.size()) throw a.error(model.declaration.name + " has " + given.fields.size() + " input(s), got " + inputs.size() + " values");
            return Evaluator.outputs(Evaluator.at(model, model.stateVector(given), 0, a.context()));
        });
        r.def("derivative(model, state = nil, t = 0, flat = false)", "the right-hand side f(t, state) of an ode, as a record of the states' rates "
                + "(state: a record or flat vector; default the initial state); flat: true gives one vector", a -> {
            ModelInstance model = a.model(0);
            Evaluator.Compiled result = Evaluator.at(model, stateVector(a.get(1), model), a.num(2), a.context());
            double[] dy = result.derivative();
            return a.bool(3) ? new Tensor(new int[] {dy.length}, dy) : result.model().split(dy, true);
        });
    }

    /** A state given as a record (missing variables: the initial values), a flat vector, or nil (the initial state). */
    static double[] stateVector(Object v, ModelInstance model) {
        if (v == soma.runtime.Nil.INSTANCE) return model.stateVector(new SomaRecord());
        if (v instanceof SomaRecord rec) return model.stateVector(rec);
        return TensorHooks.toTensor(v, "state").flatten().realData().clone();
    }

    private static Object simulate(Args a) {
        ModelInstance model = a.model(0);
        double dt = a.num(2);
        long steps = steps(a, 1, 3, dt);
        int every = a.integer(9);
        if (every < 1) throw a.error("every must be at least 1");
        if (steps % every != 0) throw a.error("the number of steps (" + steps + ") must be a multiple of every (" + every + ")");
        Method method = Method.named(a.str(4));
        List<String> record = a.given(8) ? names(a, 8) : null;
        List<String> over = null;
        double[][] batch = null;
        if (a.given(10)) {
            if (a.get(10) instanceof SomaRecord rec) {
                over = new ArrayList<>(rec.fields.keySet());
                batch = columns(a, rec, over);
            } else {
                if (!a.given(11)) throw a.error("a params matrix needs over: [names of its columns]");
                over = names(a, 11);
                batch = rows(TensorHooks.toTensor(a.get(10), "simulate: params"), over.size(), a);
            }
        }
        double[] from = a.given(7) ? stateVector(a.get(7), model) : null;
        int threads = a.given(12) ? a.integer(12) : Runtime.getRuntime().availableProcessors();
        List<String> sensitivities = a.given(14) && a.get(14) instanceof SomaList l && !l.items.isEmpty() ? names(a, 14) : List.of();
        if (record != null) {
            List<String> withTangents = new ArrayList<>(record);
            for (String p : sensitivities) for (String s : record) withTangents.add(soma.model.Sensitivity.tangentName(s, p));
            record = withTangents;
        }
        Simulator.Options o = new Simulator.Options(method, a.num(13), dt, steps, every, record, a.num(5), a.num(6), over, batch, from, threads, sensitivities);
        return Simulator.simulate(model, o, a.context());
    }

    /** dt checked, then the number of steps, from steps: (argument {@code steps}) or a duration t: (argument {@code t}) that dt divides. */
    static long steps(Args a, int t, int steps, double dt) {
        if (!(dt > 0)) throw a.error("dt must be positive, got " + Printer.number(dt));
        long n;
        if (a.given(steps)) {
            n = a.integer(steps);
        } else if (a.given(t)) {
            double ratio = a.num(t) / dt;
            n = Math.round(ratio);
            if (Math.abs(ratio - n) > 1e-6 * Math.max(1, ratio)) {
                throw a.error("t = " + Printer.number(a.num(t)) + " is not a whole number of steps of dt = " + Printer.number(dt));
            }
        } else {
            throw a.error("say how long: t: (a duration) or steps: (a number of steps)");
        }
        if (n < 0) throw a.error("the duration must not be negative");
        return n;
    }

    private static List<String> names(Args a, int i) {
        List<String> out = new ArrayList<>();
        Object v = a.get(i);
        if (v instanceof String s) return List.of(s);
        for (Object o : a.list(i).items) {
            if (!(o instanceof String s)) throw a.error("'" + a.parameter(i) + "' must list names as strings, got a " + Printer.typeName(o));
            out.add(s);
        }
        return out;
    }

    private static double[][] rows(Tensor p, int k, Args a) {
        if (p.rank() == 1 && k == 1) p = p.reshape(p.size(), 1);
        if (p.rank() != 2 || p.shape()[1] != k) {
            throw a.error("params must be a (samples x " + k + ") matrix for over: of " + k + " name(s), got shape " + p.shapeString());
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
            cols[k] = TensorHooks.toTensor(rec.get(over.get(k)), "params." + over.get(k)).flatten().realData();
            if (n >= 0 && cols[k].length != n) throw a.error("params: every parameter needs the same number of values");
            n = cols[k].length;
        }
        double[][] out = new double[Math.max(0, n)][cols.length];
        for (int s = 0; s < n; s++) for (int k = 0; k < cols.length; k++) out[s][k] = cols[k][s];
        return out;
    }

}
