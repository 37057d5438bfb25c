package soma.model.passes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import soma.model.Declaration;
import soma.model.ir.Expr;
import soma.model.ir.ModelSource;

/**
 * The passes over a declaration's IR, in order: equations match states, definitions are sorted
 * by dependency, split into static and dynamic, and the dynamic code has its invariant parts
 * hoisted into hidden statics. The result says what is compiled (dynamic definitions and
 * equations) and what the setup function evaluates once per instance (statics, in order).
 */
public final class ModelAnalysis {
    private ModelAnalysis() {}

    /**
     * A definition evaluated once per instance: one of the declaration's own, or a hoisted part of
     * its dynamic code ({@code hidden}); {@code value} is the original IR, for the setup function.
     */
    public record Static(String name, Expr value, Expr.Span span, boolean hidden, Declaration.Static meaning) {}

    public record Result(
            List<Declaration.Definition> definitions,
            List<Declaration.Equation> equations,
            List<Static> statics,
            List<Problem> problems) {}

    /** @param notStateless functions whose calls give a new value each time (random draws) */
    public static Result run(ModelSource model, Set<String> notStateless) {
        List<Problem> problems = new ArrayList<>();
        EquationCheck.check(model, problems);
        Map<String, ModelSource.Definition> definitions = new LinkedHashMap<>();
        for (ModelSource.Definition d : model.definitions()) definitions.put(d.name(), d);
        List<String> order = DefinitionOrder.of(definitions, problems);
        Set<String> dynamic = StaticSplit.dynamicNames(
                model.states().stream().map(ModelSource.State::name).toList(), order, definitions);
        Hoisting hoisting = new Hoisting(dynamic, notStateless, problems);
        List<Declaration.Definition> compiled = new ArrayList<>();
        List<Static> statics = new ArrayList<>();
        for (String name : order) {
            ModelSource.Definition d = definitions.get(name);
            if (dynamic.contains(name))
                compiled.add(new Declaration.Definition(name, hoisting.rewrite(d.value()), d.span()));
            else statics.add(staticOf(name, d.value(), d.span(), false, notStateless));
        }
        List<Declaration.Equation> equations = new ArrayList<>();
        for (ModelSource.Equation e : model.equations()) {
            Expr index = e.index() == null ? null : hoisting.rewrite(e.index());
            equations.add(new Declaration.Equation(e.state(), index, hoisting.rewrite(e.value()), e.span()));
        }
        for (Hoisting.Hoisted h : hoisting.hoisted())
            statics.add(staticOf(h.name(), h.value(), h.value().span(), true, notStateless));
        return new Result(compiled, equations, statics, problems);
    }

    /**
     * A static's symbolic form is what derivatives with respect to parameters go through; a random
     * draw has no derivative, so such a static is a constant of the instance, not a formula.
     */
    private static Static staticOf(String name, Expr value, Expr.Span span, boolean hidden, Set<String> notStateless) {
        Expr form = References.symbolic(value) && References.firstCall(value, notStateless) == null ? value : null;
        return new Static(name, value, span, hidden, new Declaration.Static(name, form, References.of(value)));
    }

    /** The names a state's size and initial value use (to know whether a parameter can change them). */
    public static Set<String> setupUses(ModelSource.State state) {
        Set<String> uses = new LinkedHashSet<>();
        if (state.size() != null) uses.addAll(References.of(state.size()));
        if (state.init() != null) uses.addAll(References.of(state.init()));
        return uses;
    }
}
