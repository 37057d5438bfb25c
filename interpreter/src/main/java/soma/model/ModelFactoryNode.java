package soma.model;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import soma.SomaContext;
import soma.SomaLanguage;

/**
 * The call target behind a model's name: {@code FitzHughNagumo(I: 0.5)} runs the setup function
 * and wraps the result in a {@link ModelInstance}. The generator's state before setup is kept,
 * so a batch can re-run setup with other parameter values and the same random draws.
 */
public final class ModelFactoryNode extends RootNode {
    private final Declaration declaration;
    private java.util.Map<String, soma.runtime.SomaFunction> cachedFunctions;
    private Declaration cached;

    public ModelFactoryNode(SomaLanguage language, Declaration declaration) {
        super(language);
        this.declaration = declaration;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return instantiate(frame.getArguments());
    }

    @TruffleBoundary
    private Object instantiate(Object[] arguments) {
        SomaContext context = SomaContext.get(this);
        long[] rngState = context.rng().snapshot();
        InstanceValues values = (InstanceValues) declaration.setup.call(arguments);
        return new ModelInstance(withUserFunctions(context), arguments.clone(), values, rngState);
    }

    /**
     * The declaration with calls of user functions ({@code fn relu(x) = max(x, 0)}) inlined, as
     * they are defined now; cached while those definitions stay the same.
     */
    private Declaration withUserFunctions(SomaContext context) {
        java.util.Map<String, soma.runtime.SomaFunction> used = new java.util.HashMap<>();
        soma.model.ir.Inliner inliner = new soma.model.ir.Inliner(name -> {
            soma.runtime.Cell cell = context.globals().lookup(name);
            if (cell != null && cell.value instanceof soma.runtime.SomaFunction f && soma.model.ir.SymbolicFunction.of(f) != null) {
                used.put(name, f);
                return soma.model.ir.SymbolicFunction.of(f);
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

    @Override public String getName() { return declaration.name; }
}
