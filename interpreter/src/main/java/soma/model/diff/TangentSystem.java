package soma.model.diff;

import static soma.model.Sensitivity.tangentName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import soma.model.Declaration;
import soma.model.ModelInstance;
import soma.model.ir.Expr;
import soma.runtime.SomaError;

/**
 * Forward sensitivities: for each parameter p, the tangent states dX/dp (named "dX/dp") with
 * d/dt (dX/dp) = (df/dX) dX/dp + df/dp, derived symbolically from the same equations and
 * integrated alongside the state by the same compiled integrator.
 */
public final class TangentSystem {
    private TangentSystem() {}

    public static ModelInstance augment(ModelInstance instance, List<String> params) {
        Declaration d = instance.declaration;
        for (String p : params) {
            if (!d.parameters.contains(p)) {
                throw new SomaError(
                        "simulate: cannot take sensitivities with respect to '" + p + "', which is not a parameter of "
                                + d.name + " (parameters: " + String.join(", ", d.parameters) + ")");
            }
        }
        return instance.with(d.withSensitivities.computeIfAbsent(List.copyOf(params), k -> tangentSystem(d, k)));
    }

    /** The declaration plus, for each parameter p, the states dX/dp with the tangent equations. */
    private static Declaration tangentSystem(Declaration d, List<String> params) {
        List<Declaration.StateSpec> tangents = new ArrayList<>();
        List<Declaration.Equation> equations = new ArrayList<>();
        Map<String, Expr> defs = new HashMap<>();
        for (Declaration.Definition def : d.definitions) defs.put(def.name(), def.value());
        for (String p : params) {
            Map<String, String> tangentOf = new HashMap<>();
            for (Declaration.StateSpec s : d.states) {
                if (s.input()) continue;
                tangentOf.put(s.name(), tangentName(s.name(), p));
                tangents.add(new Declaration.StateSpec(
                        tangentName(s.name(), p), false, s.indexed(), s.span(), s.setupUses()));
            }
            Tangent tangent = new Tangent(d, defs, tangentOf, p);
            for (Declaration.Equation eq : d.equations) {
                equations.add(new Declaration.Equation(
                        tangentName(eq.state(), p), eq.index(), tangent.of(eq.value()), eq.span()));
            }
        }
        return shareCalls(d, tangents, equations);
    }

    /**
     * The tangent equations repeat the primal's transcendental calls (tanh(V / v2) in an
     * equation, again in each parameter's tangent): every call that occurs more than once becomes
     * a dynamic definition "$s<k>", computed once per evaluation and read by all equations. Each
     * value is computed exactly as before, so the trajectories are bit for bit the same.
     */
    private static Declaration shareCalls(
            Declaration d, List<Declaration.StateSpec> tangents, List<Declaration.Equation> tangentEquations) {
        List<Declaration.Equation> all = new ArrayList<>(d.equations);
        all.addAll(tangentEquations);
        List<Expr> values = new ArrayList<>();
        for (Declaration.Equation eq : all) values.add(eq.value());
        SharedCalls calls = new SharedCalls(values, "$s");
        List<Declaration.Equation> rewritten = new ArrayList<>();
        for (Declaration.Equation eq : all)
            rewritten.add(new Declaration.Equation(eq.state(), eq.index(), calls.rewrite(eq.value()), eq.span()));
        List<Declaration.Definition> shared = new ArrayList<>();
        for (int k = 0; k < calls.shared.size(); k++) {
            shared.add(new Declaration.Definition(
                    calls.name(k), calls.shared.get(k), calls.shared.get(k).span()));
        }
        return d.rewritten(tangents, shared, rewritten);
    }
}
