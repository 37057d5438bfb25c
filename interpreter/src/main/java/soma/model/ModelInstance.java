package soma.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import soma.runtime.HasFields;
import soma.runtime.Host;
import soma.runtime.Nil;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.runtime.SomaRecord;
import soma.runtime.SomaValue;
import soma.runtime.TensorHooks;
import soma.tensor.Tensor;

/**
 * One instance of a declared model: parameter values, static definitions (a random W is drawn
 * here, once), and the states' sizes and initial values. {@code m.W}, {@code m.tau} and
 * {@code m.v} (initial value) read them.
 */
public final class ModelInstance implements SomaValue, HasFields {
    public final Declaration declaration;
    /** The bound call arguments (closure, parameters...), kept to re-run setup for a batch. */
    private final Object[] arguments;

    public final InstanceValues values;
    private final long[] rngState;

    /** The same instance (values, random draws) of another declaration, e.g. with its tangent system added. */
    public ModelInstance with(Declaration other) {
        return new ModelInstance(other, arguments, values, rngState);
    }

    ModelInstance(Declaration declaration, Object[] arguments, InstanceValues values, long[] rngState) {
        this.declaration = declaration;
        this.arguments = arguments;
        this.values = values;
        this.rngState = rngState;
    }

    /**
     * The values of this instance with some parameters replaced: setup runs again with the
     * generator rewound to where it was for this instance, so random definitions are the same
     * draws (scaled by the new parameters, if they depend on them).
     */
    public InstanceValues valuesWith(Map<String, Double> overrides, Host context) {
        if (overrides.isEmpty()) return values;
        InstanceValues quick = quickValues(overrides);
        if (quick != null) return quick;
        Object[] args = arguments.clone();
        for (var e : overrides.entrySet()) {
            int i = declaration.parameters.indexOf(e.getKey());
            if (i < 0)
                throw new SomaError("'" + e.getKey() + "' is not a parameter of " + declaration.name + " (parameters: "
                        + String.join(", ", declaration.parameters) + ")");
            args[i + 1] = e.getValue();
        }
        long[] saved = context.rng().snapshot();
        context.rng().restore(rngState);
        try {
            return (InstanceValues) declaration.setup.call(args);
        } finally {
            context.rng().restore(saved);
        }
    }

    /**
     * The values with parameters replaced, computed without the setup function when every static
     * definition that depends on them is scalar arithmetic (unit conversions): null otherwise. Pure
     * Java, so a batch can prepare its samples on all cores.
     */
    public InstanceValues quickValues(Map<String, Double> overrides) {
        SomaRecord out = new SomaRecord();
        out.fields.putAll(values.named().fields);
        for (var e : overrides.entrySet()) {
            if (!declaration.parameters.contains(e.getKey())) return null;
            out.put(e.getKey(), e.getValue());
        }
        for (Declaration.Static st : declaration.statics) { // in setup (dependency) order
            boolean affected = false;
            for (String p : overrides.keySet()) affected |= declaration.staticDependsOn(st.name(), p);
            if (!affected) continue;
            Double v = st.form() == null ? null : ScalarForms.eval(st.form(), out);
            if (v == null) return null;
            out.put(st.name(), v);
        }
        for (Declaration.StateSpec s : declaration.states) {
            for (String p : overrides.keySet()) if (sizeOrInitUses(s, p)) return null;
        }
        return values.with(out);
    }

    /**
     * {@link #quickValues} for a batch: which statics depend on the batched parameters is worked
     * out once, not once per sample; the result maps one sample's parameter values (in the order
     * of {@code names}) to its values, or to null where a static is not scalar arithmetic there.
     * Null when the quick way does not apply at all (as {@code quickValues} would say).
     */
    public QuickBatch quickBatch(List<String> names) {
        for (String p : names) if (!declaration.parameters.contains(p)) return null;
        List<Declaration.Static> affected = new ArrayList<>();
        for (Declaration.Static st : declaration.statics) { // in setup (dependency) order
            boolean depends = false;
            for (String p : names) depends |= declaration.staticDependsOn(st.name(), p);
            if (!depends) continue;
            if (st.form() == null) return null;
            affected.add(st);
        }
        for (Declaration.StateSpec s : declaration.states) {
            for (String p : names) if (sizeOrInitUses(s, p)) return null;
        }
        List<String> touched = new ArrayList<>(names);
        for (Declaration.Static st : affected) touched.add(st.name());
        return new QuickBatch(touched, row -> {
            SomaRecord out = new SomaRecord();
            out.fields.putAll(values.named().fields);
            for (int k = 0; k < names.size(); k++) out.put(names.get(k), row[k]);
            for (Declaration.Static st : affected) {
                Double v = ScalarForms.eval(st.form(), out);
                if (v == null) return null;
                out.put(st.name(), v);
            }
            return values.with(out);
        });
    }

    /**
     * A batch's samples made the quick way: {@code sample} maps one row of parameter values to the
     * sample's values (null where a static is not scalar arithmetic); only the names in
     * {@code touched} (the parameters and the statics that depend on them) can differ between
     * samples: every other field is the instance's own object in all of them.
     */
    public record QuickBatch(List<String> touched, java.util.function.Function<double[], InstanceValues> sample) {}

    /** State sizes and initial values are not tracked symbolically: be safe if they could use the parameter. */
    private boolean sizeOrInitUses(Declaration.StateSpec state, String param) {
        return state.setupUses().contains(param)
                || state.setupUses().stream()
                        .anyMatch(n -> declaration.staticNamed(n) != null && declaration.staticDependsOn(n, param));
    }

    /**
     * All state and input variables as one flat vector, in declaration order: the values given in
     * the record (by name; other fields are ignored), the instance's initial values for the rest.
     */
    public double[] stateVector(SomaRecord given) {
        List<double[]> parts = new ArrayList<>();
        int n = 0;
        for (Declaration.StateSpec s : declaration.states) {
            Object value = given.has(s.name()) ? given.get(s.name()) : field(s.name());
            double[] part = TensorHooks.toTensor(value, s.name()).flatten().realData();
            parts.add(part);
            n += part.length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** Number of elements of a state or input variable (1 for a scalar). */
    public int size(String state, InstanceValues from) {
        if (Sensitivity.isTangent(state)) return size(Sensitivity.baseState(state), from);
        Object s = from.sizes()[declaration.stateIndex(state)];
        if (s == null || s == Nil.INSTANCE) return 1;
        if (s instanceof Double d && d == Math.rint(d) && d >= 1) return (int) (double) d;
        throw new SomaError(declaration.name + ": the size of '" + state + "' must be a positive whole number, got "
                + Printer.show(s));
    }

    /** The initial value of a state, as n doubles (default zeros). */
    public double[] initial(String state, InstanceValues from) {
        int n = size(state, from);
        if (Sensitivity.isTangent(state))
            return new double[n]; // d x(0) / d p = 0: initial states do not depend on parameters
        Object v = from.inits()[declaration.stateIndex(state)];
        double[] out = new double[n];
        if (v == null || v == Nil.INSTANCE) return out;
        if (v instanceof Double d) {
            Arrays.fill(out, d);
            return out;
        }
        if (v instanceof Tensor t && !t.isComplex() && t.size() == n)
            return t.realData().clone();
        Tensor t = TensorHooks.toTensor(v, "initial value of '" + state + "'");
        if (t.size() != n || t.isComplex()) {
            throw new SomaError(declaration.name + ": initial value of '" + state + "' has shape " + t.shapeString()
                    + ", but the state has " + n + " element(s)");
        }
        return t.realData().clone();
    }

    @Override
    public String show() {
        List<String> parts = new ArrayList<>();
        for (String p : declaration.parameters) {
            Object v = values.named().get(p);
            parts.add(p + ": " + (v instanceof Tensor t ? t.summary() : Printer.repr(v)));
        }
        return declaration.name + "(" + String.join(", ", parts) + ")";
    }

    @Override
    public String typeName() {
        return declaration.kind == Declaration.Kind.ODE ? "ode" : "network";
    }

    @Override
    public Object field(String name) {
        if (name.equals("name")) return declaration.name;
        Object v = values.named().get(name);
        if (v != null && !name.startsWith("$")) return v; // "$h0"...: hoisted parts of equations
        if (declaration.state(name) != null) {
            double[] init = initial(name, values);
            return declaration.state(name).indexed() ? new Tensor(new int[] {init.length}, init) : (Object) init[0];
        }
        return null;
    }

    @Override
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>(declaration.parameters);
        for (Declaration.Static s : declaration.statics) names.add(s.name());
        for (Declaration.StateSpec s : declaration.states) names.add(s.name());
        return names;
    }
}
