package soma.model.ast;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import soma.model.InstanceValues;
import soma.nodes.ExprNode;
import soma.nodes.literals.RecordNode;
import soma.runtime.SomaRecord;

/** The value of a model's setup function: its named values, and each state's size and initial value. */
public final class SetupResultNode extends ExprNode {
    @Child
    private RecordNode named;

    @Children
    private final ExprNode[] sizes;

    @Children
    private final ExprNode[] inits;

    /** @param sizes, inits one node per state, in declaration order (a nil constant where none is written) */
    public SetupResultNode(RecordNode named, ExprNode[] sizes, ExprNode[] inits) {
        this.named = named;
        this.sizes = sizes;
        this.inits = inits;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        SomaRecord values = (SomaRecord) named.executeGeneric(frame);
        Object[] sizeValues = new Object[sizes.length];
        Object[] initValues = new Object[inits.length];
        for (int i = 0; i < sizes.length; i++) {
            sizeValues[i] = sizes[i].executeGeneric(frame);
            initValues[i] = inits[i].executeGeneric(frame);
        }
        return new InstanceValues(values, sizeValues, initValues);
    }
}
