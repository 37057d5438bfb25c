package soma.model;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;
import java.util.List;
import soma.model.ir.Expr;

/**
 * What an {@code ode} or {@code network} declaration says, as the parser understood it:
 * parameters, state (and input) variables, definitions that depend on the state (in dependency
 * order), equations, and the setup function that evaluates everything else once per instance
 * (parameter defaults, static definitions such as a random W, state sizes and initial values).
 */
public final class Declaration {
    public enum Kind { ODE, NETWORK }

    /** {@code state x[N] = init} or {@code input x[N]}; sizes and values come from the setup record. */
    public record StateSpec(String name, boolean input, boolean indexed, Expr.Span span) {}

    /** {@code name = value} where value depends on the state or time: recomputed at every evaluation. */
    public record Definition(String name, Expr value, Expr.Span span) {}

    /** {@code dx/dt = value} (index null) or {@code dx[k]/dt = value}. */
    public record Equation(String state, Expr index, Expr value, Expr.Span span) {}

    public final Kind kind;
    public final String name;
    public final Source source;
    public final List<String> parameters;
    public final List<StateSpec> states;
    public final List<Definition> definitions;
    public final List<Equation> equations;
    /** Names of the definitions evaluated once by the setup function. */
    public final List<String> statics;
    /**
     * Symbolic forms of the static definitions that have one (unit conversions, hoisted parts of
     * equations): what derivatives with respect to parameters differentiate through.
     */
    public final java.util.Map<String, Expr> staticForms;
    /** The names each static definition's expression mentions (to know what a parameter influences). */
    public final java.util.Map<String, java.util.Set<String>> staticUses;
    /** Names used by each state's size and initial value ("$size_x", "$init_x"). */
    public final java.util.Map<String, java.util.Set<String>> stateSetupUses;
    /** (closure, parameters...) -> record of parameters, statics, "$size_x" and "$init_x". */
    public final RootCallTarget setup;
    /**
     * Compiled integrators of this declaration by method and compilation key, so that repeated
     * simulations (a loop over instances, a benchmark) reuse machine code instead of recompiling.
     */
    public final java.util.Map<String, com.oracle.truffle.api.CallTarget> integrators;
    /**
     * This declaration extended by tangent states for a list of parameters (see Sensitivity), kept
     * so that repeated simulations with sensitivities (every EPI iteration) reuse their integrator.
     */
    public final java.util.Map<List<String>, Declaration> withSensitivities = new java.util.concurrent.ConcurrentHashMap<>();

    private static java.util.Map<String, com.oracle.truffle.api.CallTarget> newCache() {
        return new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, com.oracle.truffle.api.CallTarget> eldest) {
                return size() > 64;
            }
        };
    }

    public Declaration(Kind kind, String name, Source source, List<String> parameters, List<StateSpec> states,
                       List<Definition> definitions, List<Equation> equations, List<String> statics, RootCallTarget setup,
                       java.util.Map<String, Expr> staticForms, java.util.Map<String, java.util.Set<String>> staticUses,
                       java.util.Map<String, java.util.Set<String>> stateSetupUses) {
        this(kind, name, source, parameters, states, definitions, equations, statics, setup, staticForms, staticUses, stateSetupUses, newCache());
    }

    private Declaration(Kind kind, String name, Source source, List<String> parameters, List<StateSpec> states,
                       List<Definition> definitions, List<Equation> equations, List<String> statics, RootCallTarget setup,
                       java.util.Map<String, Expr> staticForms, java.util.Map<String, java.util.Set<String>> staticUses,
                       java.util.Map<String, java.util.Set<String>> stateSetupUses,
                       java.util.Map<String, com.oracle.truffle.api.CallTarget> integrators) {
        this.integrators = integrators;
        this.stateSetupUses = java.util.Map.copyOf(stateSetupUses);
        this.staticForms = java.util.Map.copyOf(staticForms);
        this.staticUses = java.util.Map.copyOf(staticUses);
        this.kind = kind;
        this.name = name;
        this.source = source;
        this.parameters = List.copyOf(parameters);
        this.states = List.copyOf(states);
        this.definitions = List.copyOf(definitions);
        this.equations = List.copyOf(equations);
        this.statics = List.copyOf(statics);
        this.setup = setup;
    }

    public SourceSection section(Expr.Span span) {
        return source.createSection(span.start(), span.length());
    }

    /** A copy with more state variables and equations (the tangent system of forward sensitivities). */
    public Declaration extended(List<StateSpec> moreStates, List<Equation> moreEquations) {
        List<StateSpec> allStates = new java.util.ArrayList<>(states);
        allStates.addAll(moreStates);
        List<Equation> allEquations = new java.util.ArrayList<>(equations);
        allEquations.addAll(moreEquations);
        return new Declaration(kind, name, source, parameters, allStates, definitions, allEquations, statics, setup, staticForms, staticUses, stateSetupUses);
    }

    /** A copy with more states, more (dynamic) definitions after the existing ones, and a new list of equations. */
    public Declaration rewritten(List<StateSpec> moreStates, List<Definition> moreDefinitions, List<Equation> allEquations) {
        List<StateSpec> allStates = new java.util.ArrayList<>(states);
        allStates.addAll(moreStates);
        List<Definition> allDefinitions = new java.util.ArrayList<>(definitions);
        allDefinitions.addAll(moreDefinitions);
        return new Declaration(kind, name, source, parameters, allStates, allDefinitions, allEquations, statics, setup, staticForms, staticUses,
                stateSetupUses);
    }

    /** The same declaration with user-function calls in its equations inlined (sharing the integrator cache). */
    public Declaration inlined(soma.model.ir.Inliner inliner) {
        List<Definition> defs = new java.util.ArrayList<>();
        for (Definition d : definitions) defs.add(new Definition(d.name(), inliner.inline(d.value()), d.span()));
        List<Equation> eqs = new java.util.ArrayList<>();
        for (Equation e : equations) eqs.add(new Equation(e.state(), e.index(), inliner.inline(e.value()), e.span()));
        java.util.Map<String, Expr> forms = new java.util.HashMap<>();
        for (var f : staticForms.entrySet()) forms.put(f.getKey(), inliner.inline(f.getValue()));
        return new Declaration(kind, name, source, parameters, states, defs, eqs, statics, setup, forms, staticUses, stateSetupUses, integrators);
    }

    /** True if the static definition (transitively) uses the name. */
    public boolean staticDependsOn(String staticName, String name) {
        java.util.Set<String> uses = staticUses.get(staticName);
        if (uses == null) return false;
        if (uses.contains(name)) return true;
        for (String u : uses) if (!u.equals(staticName) && staticUses.containsKey(u) && staticDependsOn(u, name)) return true;
        return false;
    }

    public boolean isFeedforward() {
        return states.stream().allMatch(StateSpec::input);
    }

    public StateSpec state(String name) {
        for (StateSpec s : states) if (s.name().equals(name)) return s;
        return null;
    }
}
