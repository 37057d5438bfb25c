package soma.model;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import soma.model.ir.Expr;
import soma.model.ir.Inliner;

/**
 * What an {@code ode} or {@code network} declaration means, as the model passes analysed it:
 * parameters, state (and input) variables, definitions that depend on the state (in dependency
 * order), equations, and the setup function that evaluates everything else once per instance
 * (parameter defaults, static definitions such as a random W, state sizes and initial values).
 */
public final class Declaration {
    public enum Kind {
        ODE,
        NETWORK
    }

    /**
     * {@code state x[N] = init} or {@code input x[N]}; size and initial value come from the setup
     * function ({@link InstanceValues}), {@code setupUses} are the names their expressions mention.
     */
    public record StateSpec(String name, boolean input, boolean indexed, Expr.Span span, Set<String> setupUses) {}

    /** {@code name = value} where value depends on the state or time: recomputed at every evaluation. */
    public record Definition(String name, Expr value, Expr.Span span) {}

    /** {@code dx/dt = value} (index null) or {@code dx[k]/dt = value}. */
    public record Equation(String state, Expr index, Expr value, Expr.Span span) {}

    /**
     * A definition evaluated once per instance by the setup function. {@code form} is its symbolic
     * form if it has one (unit conversions, hoisted parts of equations), what derivatives with
     * respect to parameters differentiate through; {@code uses} are the names it mentions.
     */
    public record Static(String name, Expr form, Set<String> uses) {}

    public final Kind kind;
    public final String name;
    public final Source source;
    public final List<String> parameters;
    public final List<StateSpec> states;
    public final List<Definition> definitions;
    public final List<Equation> equations;
    /** The static definitions, in the order setup evaluates them. */
    public final List<Static> statics;

    private final Map<String, Static> staticsByName = new HashMap<>();
    /** (closure, parameters...) -> {@link InstanceValues}. */
    public final RootCallTarget setup;
    /**
     * Compiled integrators of this declaration by method and compilation key, so that repeated
     * simulations (a loop over instances, a benchmark) reuse machine code instead of recompiling.
     */
    public final Map<String, CallTarget> integrators;
    /**
     * This declaration extended by tangent states for a list of parameters (see Sensitivity), kept
     * so that repeated simulations with sensitivities (every EPI iteration) reuse their integrator.
     */
    public final Map<List<String>, Declaration> withSensitivities = new ConcurrentHashMap<>();

    private static Map<String, CallTarget> newCache() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CallTarget> eldest) {
                return size() > 64;
            }
        };
    }

    public Declaration(
            Kind kind,
            String name,
            Source source,
            List<String> parameters,
            List<StateSpec> states,
            List<Definition> definitions,
            List<Equation> equations,
            List<Static> statics,
            RootCallTarget setup) {
        this(kind, name, source, parameters, states, definitions, equations, statics, setup, newCache());
    }

    private Declaration(
            Kind kind,
            String name,
            Source source,
            List<String> parameters,
            List<StateSpec> states,
            List<Definition> definitions,
            List<Equation> equations,
            List<Static> statics,
            RootCallTarget setup,
            Map<String, CallTarget> integrators) {
        this.integrators = integrators;
        this.kind = kind;
        this.name = name;
        this.source = source;
        this.parameters = List.copyOf(parameters);
        this.states = List.copyOf(states);
        this.definitions = List.copyOf(definitions);
        this.equations = List.copyOf(equations);
        this.statics = List.copyOf(statics);
        for (Static s : statics) staticsByName.put(s.name(), s);
        this.setup = setup;
    }

    public SourceSection section(Expr.Span span) {
        return source.createSection(span.start(), span.length());
    }

    /** A copy with more state variables and equations (the tangent system of forward sensitivities). */
    public Declaration extended(List<StateSpec> moreStates, List<Equation> moreEquations) {
        List<StateSpec> allStates = new ArrayList<>(states);
        allStates.addAll(moreStates);
        List<Equation> allEquations = new ArrayList<>(equations);
        allEquations.addAll(moreEquations);
        return new Declaration(kind, name, source, parameters, allStates, definitions, allEquations, statics, setup);
    }

    /** A copy with more states, more (dynamic) definitions after the existing ones, and a new list of equations. */
    public Declaration rewritten(
            List<StateSpec> moreStates, List<Definition> moreDefinitions, List<Equation> allEquations) {
        List<StateSpec> allStates = new ArrayList<>(states);
        allStates.addAll(moreStates);
        List<Definition> allDefinitions = new ArrayList<>(definitions);
        allDefinitions.addAll(moreDefinitions);
        return new Declaration(kind, name, source, parameters, allStates, allDefinitions, allEquations, statics, setup);
    }

    /** The same declaration with user-function calls in its equations inlined (sharing the integrator cache). */
    public Declaration inlined(Inliner inliner) {
        List<Definition> defs = new ArrayList<>();
        for (Definition d : definitions) defs.add(new Definition(d.name(), inliner.inline(d.value()), d.span()));
        List<Equation> eqs = new ArrayList<>();
        for (Equation e : equations) eqs.add(new Equation(e.state(), e.index(), inliner.inline(e.value()), e.span()));
        List<Static> forms = new ArrayList<>();
        for (Static s : statics)
            forms.add(new Static(s.name(), s.form() == null ? null : inliner.inline(s.form()), s.uses()));
        return new Declaration(kind, name, source, parameters, states, defs, eqs, forms, setup, integrators);
    }

    /** The static definition of that name, or null if it is not one. */
    public Static staticNamed(String name) {
        return staticsByName.get(name);
    }

    /** True if the static definition (transitively) uses the name. */
    public boolean staticDependsOn(String staticName, String name) {
        Static s = staticsByName.get(staticName);
        if (s == null) return false;
        if (s.uses().contains(name)) return true;
        for (String u : s.uses())
            if (!u.equals(staticName) && staticsByName.containsKey(u) && staticDependsOn(u, name)) return true;
        return false;
    }

    public boolean isFeedforward() {
        return states.stream().allMatch(StateSpec::input);
    }

    public StateSpec state(String name) {
        for (StateSpec s : states) if (s.name().equals(name)) return s;
        return null;
    }

    /** Position of a state in {@link #states} (and in the setup's sizes and initial values), or -1. */
    public int stateIndex(String name) {
        for (int i = 0; i < states.size(); i++) if (states.get(i).name().equals(name)) return i;
        return -1;
    }
}
