package soma.model;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import soma.SomaContext;
import soma.SomaLanguage;
import soma.runtime.SomaRecord;

/**
 * The call target behind a model's name: {@code FitzHughNagumo(I: 0.5)} runs the setup function
 * and wraps the result in a {@link ModelInstance}. The generator's state before setup is kept,
 * so a batch can re-run setup with other parameter values and the same random draws.
 */
public final class ModelFactoryNode extends RootNode {
    private final Declaration declaration;

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
        long[] rngState = SomaContext.get(this).rng().snapshot();
        SomaRecord values = (SomaRecord) declaration.setup.call(arguments);
        return new ModelInstance(declaration, arguments.clone(), values, rngState);
    }

    @Override public String getName() { return declaration.name; }
}
