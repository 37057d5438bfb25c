package soma.nodes.access;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import soma.nodes.Evaluation;
import soma.nodes.ExprNode;
import soma.runtime.Indexing;
import soma.runtime.SomaError;
import soma.runtime.SomaException;
import soma.tensor.TensorException;

/** {@code x[k1, k2, ...]}, and {@code x[...] = v} when a value node is given. */
public final class IndexNode extends ExprNode {
    @Child
    private ExprNode target;

    @Children
    private final ExprNode[] keys;

    @Child
    private ExprNode value;

    public IndexNode(ExprNode target, ExprNode[] keys, ExprNode value) {
        this.target = target;
        this.keys = keys;
        this.value = value;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        Object t = target.executeGeneric(frame);
        Object[] k = Evaluation.all(keys, frame);
        try {
            if (value == null) return Indexing.get(t, k);
            Object v = value.executeGeneric(frame);
            Indexing.set(t, k, v);
            return v;
        } catch (SomaError | TensorException e) {
            throw new SomaException(e.getMessage(), this);
        }
    }
}
