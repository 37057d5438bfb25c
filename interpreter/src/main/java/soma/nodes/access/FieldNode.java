package soma.nodes.access;

import com.oracle.truffle.api.frame.VirtualFrame;
import soma.nodes.ExprNode;
import soma.runtime.Fields;
import soma.runtime.SomaError;
import soma.runtime.SomaException;
import soma.tensor.TensorException;

/** {@code x.name}, and {@code x.name = v} when a value node is given. */
public final class FieldNode extends ExprNode {
    @Child
    private ExprNode target;

    @Child
    private ExprNode value;

    private final String name;

    public FieldNode(ExprNode target, String name, ExprNode value) {
        this.target = target;
        this.name = name;
        this.value = value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object t = target.executeGeneric(frame);
        try {
            if (value == null) return Fields.read(t, name);
            Object v = value.executeGeneric(frame);
            Fields.write(t, name, v);
            return v;
        } catch (SomaError | TensorException e) {
            throw new SomaException(e.getMessage(), this);
        }
    }
}
