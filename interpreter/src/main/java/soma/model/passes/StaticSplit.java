package soma.model.passes;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import soma.model.ir.Expr;
import soma.model.ir.ModelSource;

/**
 * The split Brian2 makes in model equations: a definition that depends on the state or on
 * {@code t}, directly or through other definitions, is dynamic (recomputed at every evaluation);
 * every other definition is static (evaluated once per instance by the setup function).
 */
public final class StaticSplit {
    private StaticSplit() {}

    /** The dynamic names: the states, {@code t}, and the dynamic definitions. */
    public static Set<String> dynamicNames(
            Collection<String> states, List<String> order, Map<String, ModelSource.Definition> definitions) {
        Set<String> dynamic = new HashSet<>(states);
        dynamic.add("t");
        for (String name : order) {
            if (dependsOnAny(definitions.get(name).value(), dynamic)) dynamic.add(name);
        }
        return dynamic;
    }

    static boolean dependsOnAny(Expr e, Set<String> names) {
        for (String used : References.of(e)) if (names.contains(used)) return true;
        return false;
    }
}
