package soma.nodes.control;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RepeatingNode;
import soma.nodes.Evaluation;
import soma.nodes.ExprNode;
import soma.runtime.Iteration;
import soma.runtime.Nil;
import soma.runtime.Printer;
import soma.runtime.Range;
import soma.runtime.SomaException;

/**
 * {@code for x in iterable { body }} and {@code for i, x in iterable { body }}. The iterable and
 * the position live in hidden frame slots so the loop can be compiled by on-stack replacement.
 * Ranges are walked without allocating.
 */
public final class ForNode extends ExprNode {
    @Child
    private ExprNode iterable;

    @Child
    private LoopNode loop;

    private final int iterSlot;
    private final int posSlot;

    public ForNode(ExprNode iterable, int iterSlot, int posSlot, int indexVarSlot, int varSlot, ExprNode body) {
        this.iterable = iterable;
        this.iterSlot = iterSlot;
        this.posSlot = posSlot;
        this.loop = Truffle.getRuntime().createLoopNode(new Body(iterSlot, posSlot, indexVarSlot, varSlot, body));
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object it = iterable.executeGeneric(frame);
        if (!(it instanceof Range) && !Iteration.isIterable(it)) {
            CompilerDirectives.transferToInterpreter();
            throw new SomaException("cannot iterate over a " + Printer.typeName(it), iterable);
        }
        frame.setObject(iterSlot, it);
        frame.setLong(posSlot, 0);
        loop.execute(frame);
        return Nil.INSTANCE;
    }

    private static final class Body extends Node implements RepeatingNode {
        private final int iterSlot;
        private final int posSlot;
        private final int indexVarSlot;
        private final int varSlot;

        @Child
        private ExprNode body;

        Body(int iterSlot, int posSlot, int indexVarSlot, int varSlot, ExprNode body) {
            this.iterSlot = iterSlot;
            this.posSlot = posSlot;
            this.indexVarSlot = indexVarSlot;
            this.varSlot = varSlot;
            this.body = body;
        }

        @Override
        public boolean executeRepeating(VirtualFrame frame) {
            Object it = frame.getObject(iterSlot);
            long pos = frame.getLong(posSlot);
            if (it instanceof Range r) {
                if (pos >= r.size()) return false;
                setDouble(frame, varSlot, r.get((int) pos));
            } else {
                if (pos >= Iteration.size(it)) return false;
                Object item = Iteration.get(it, (int) pos);
                frame.getFrameDescriptor().setSlotKind(varSlot, FrameSlotKind.Object);
                frame.setObject(varSlot, item);
            }
            if (indexVarSlot >= 0) setDouble(frame, indexVarSlot, pos);
            frame.setLong(posSlot, pos + 1);
            return Evaluation.loopBody(body, frame);
        }

        private static void setDouble(VirtualFrame frame, int slot, double v) {
            FrameSlotKind kind = frame.getFrameDescriptor().getSlotKind(slot);
            if (kind == FrameSlotKind.Double) {
                frame.setDouble(slot, v);
            } else if (kind == FrameSlotKind.Illegal) {
                CompilerDirectives.transferToInterpreterAndInvalidate();
                frame.getFrameDescriptor().setSlotKind(slot, FrameSlotKind.Double);
                frame.setDouble(slot, v);
            } else {
                frame.setObject(slot, v);
            }
        }
    }
}
