package soma.nodes.literals;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import soma.nodes.ExprNode;
import soma.runtime.SomaRecord;

public final class RecordNode extends ExprNode {
    @CompilationFinal(dimensions = 1)
    private final String[] names;

    @Children
    private final ExprNode[] values;

    public RecordNode(String[] names, ExprNode[] values) {
        this.names = names;
        this.values = values;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        SomaRecord r = new SomaRecord();
        for (int i = 0; i < names.length; i++) r.put(names[i], values[i].executeGeneric(frame));
        return r;
    }
}
