package soma.model.ast;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import soma.SomaContext;
import soma.SomaLanguage;
import soma.model.ModelFactory;
import soma.numerics.CompilerWarmup;

/**
 * The call target behind a model's name: {@code FitzHughNagumo(I: 0.5)} makes an instance. The
 * work is the {@link ModelFactory}'s; this node only finds the context it runs in.
 */
public final class ModelFactoryNode extends RootNode {
    private final ModelFactory factory;

    public ModelFactoryNode(SomaLanguage language, ModelFactory factory) {
        super(language);
        this.factory = factory;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return instantiate(frame.getArguments());
    }

    @TruffleBoundary
    private Object instantiate(Object[] arguments) {
        CompilerWarmup.request(getLanguage(SomaLanguage.class)); // an instance is about to be simulated
        return factory.instantiate(SomaContext.get(this), arguments);
    }

    @Override
    public String getName() {
        return factory.name();
    }
}
