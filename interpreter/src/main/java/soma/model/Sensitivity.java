package soma.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import soma.model.diff.Tangent;
import soma.model.ir.Expr;
import soma.runtime.SomaError;

/**
 * Forward sensitivities: for each parameter p, the tangent states dX/dp (named "dX/dp") with
 * d/dt (dX/dp) = (df/dX) dX/dp + df/dp, derived symbolically from the same equations and
 * integrated alongside the state by the same compiled integrator.
 */
public final class Sensitivity {
    private Sensitivity() {}

    public static String tangentName(String state, String param) {
        return "d" + state + "/d" + param;
    }

    public static boolean isTangent(String state) {
        return state.contains("/d");
    }

    public static String baseState(String tangent) {
        return tangent.substring(1, tangent.indexOf("/d"));
    }

    public static ModelInstance augment(ModelInstance instance, List<String> params) {
        Declaration d = instance.declaration;
        for (String p : params) {
            if (!d.parameters.contains(p)) {
                throw new SomaError("simulate: cannot take sensitivities with respect to '" + p + "', which is not a parameter of " + d.name
                        + " (parameters: " + String.join(", ", d.parameters) + ")");
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
                tangents.add(new Declaration.StateSpec(tangentName(s.name(), p), false, s.indexed(), s.span()));
            }
            Tangent tangent = new Tangent(d, defs, tangentOf, p);
            for (Declaration.Equation eq : d.equations) {
                equations.add(new Declaration.Equation(tangentName(eq.state(), p), eq.index(), tangent.of(eq.value()), eq.span()));
            }
        }
        return d.extended(tangents, equations);
    }
}
