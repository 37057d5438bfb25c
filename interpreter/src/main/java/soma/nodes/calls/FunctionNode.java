package soma.nodes.calls;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.frame.VirtualFrame;
import soma.model.ir.SymbolicFunction;
import soma.nodes.ExprNode;
import soma.runtime.Signature;
import soma.runtime.SomaFunction;

/** {@code fn name(params) ...} or a lambda: makes a function value, closing over this frame if needed. */
public final class FunctionNode extends ExprNode {
    private final Signature signature;
    private final RootCallTarget callTarget;
    private final boolean capturesFrame;
    private final SymbolicFunction symbolic;

    public FunctionNode(Signature signature, RootCallTarget callTarget, boolean capturesFrame) {
        this(signature, callTarget, capturesFrame, null);
    }

    public FunctionNode(
            Signature signature, RootCallTarget callTarget, boolean capturesFrame, SymbolicFunction symbolic) {
        this.symbolic = symbolic;
        this.signature = signature;
        this.callTarget = callTarget;
        this.capturesFrame = capturesFrame;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return new SomaFunction(signature, callTarget, capturesFrame ? frame.materialize() : null, false, symbolic);
    }
}
