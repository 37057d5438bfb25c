package soma.nodes;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;
import soma.SomaLanguage;

/** The body of a user function: parameters are written to their slots, then the body runs. */
public final class FunctionRootNode extends RootNode {
    @Child
    private ExprNode body;

    private final String name;
    private final SourceSection section;

    public FunctionRootNode(
            SomaLanguage language, FrameDescriptor frame, ExprNode body, String name, SourceSection section) {
        super(language, frame);
        this.body = RootBody.mark(body, section);
        this.name = name;
        this.section = section;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        try {
            return body.executeGeneric(frame);
        } catch (ControlExceptions.Return r) {
            return r.value;
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public SourceSection getSourceSection() {
        return section;
    }

    @Override
    public String toString() {
        return name;
    }
}
