package soma.numerics;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;
import soma.model.nodes.Rhs;

/**
 * The call target that integrates one sample: its argument is a {@link Run}. The time loop is a
 * Truffle {@link LoopNode}, so a long single run is compiled by on-stack replacement, and the
 * call target itself is compiled after a few samples of a batch.
 */
final class IntegratorRoot extends RootNode {
    @Child
    private LoopNode loop;

    private final String name;
    private final SourceSection declaration;

    /**
     * @param declaration the model's declaration in the script: profilers list the time spent
     *        integrating under the model's name and there (the call tree puts it under the caller)
     */
    IntegratorRoot(TruffleLanguage<?> language, Method method, Rhs rhs, String name, SourceSection declaration) {
        super(language);
        this.loop = Truffle.getRuntime().createLoopNode(method.step(rhs));
        this.name = name;
        this.declaration = declaration;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        loop.execute(frame);
        return null;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public SourceSection getSourceSection() {
        return declaration;
    }

    @Override
    public String toString() {
        return name;
    }
}
