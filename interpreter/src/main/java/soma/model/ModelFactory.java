package soma.model;

import java.util.HashMap;
import java.util.Map;
import soma.model.ir.Inliner;
import soma.model.ir.SymbolicFunction;
import soma.runtime.Cell;
import soma.runtime.Host;
import soma.runtime.SomaFunction;

/**
 * Makes the instances of one declared model: runs the setup function and wraps the result in a
 * {@link ModelInstance}. The generator's state before setup is kept, so a batch can re-run setup
 * with other parameter values and the same random draws.
 */
public final class ModelFactory {
    private final Declaration declaration;
    private Map<String, SomaFunction> cachedFunctions;
    private Declaration cached;

    public ModelFactory(Declaration declaration) {
        this.declaration = declaration;
    }

    public String name() {
        return declaration.name;
    }

    /** @param arguments the setup function's arguments (closure, then the parameters) */
    public ModelInstance instantiate(Host host, Object[] arguments) {
        long[] rngState = host.rng().snapshot();
        InstanceValues values = (InstanceValues) declaration.setup.call(arguments);
        return new ModelInstance(withUserFunctions(host), arguments.clone(), values, rngState);
    }

    /**
     * The declaration with calls of user functions ({@code fn relu(x) = max(x, 0)}) inlined, as
     * they are defined now; cached while those definitions stay the same.
     */
    private Declaration withUserFunctions(Host host) {
        Map<String, SomaFunction> used = new HashMap<>();
        Inliner inliner = new Inliner(name -> {
            Cell cell = host.globals().lookup(name);
            if (cell != null && cell.value instanceof SomaFunction f && SymbolicFunction.of(f) != null) {
                used.put(name, f);
                return SymbolicFunction.of(f);
            }
            return null;
        });
        Declaration result = declaration.inlined(inliner);
        if (used.isEmpty()) return declaration;
        if (cachedFunctions != null && cachedFunctions.equals(used)) return cached;
        cachedFunctions = used;
        cached = result;
        return result;
    }
}
