package soma.nodes.control;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RepeatingNode;
import soma.nodes.Conditions;
import soma.nodes.Evaluation;
import soma.nodes.ExprNode;
import soma.runtime.Nil;

/**
 * {@code while c { body }}. The body runs inside a Truffle {@link LoopNode} so that a long loop
 * is compiled by on-stack replacement while it runs (a plain Java loop would stay interpreted).
 */
public final class WhileNode extends ExprNode {
    @Child
    private LoopNode loop;

    public WhileNode(ExprNode condition, ExprNode body) {
        this.loop = Truffle.getRuntime().createLoopNode(new Body(condition, body));
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        loop.execute(frame);
        return Nil.INSTANCE;
    }

    private static final class Body extends Node implements RepeatingNode {
        @Child
        private ExprNode condition;

        @Child
        private ExprNode body;

        Body(ExprNode condition, ExprNode body) {
            this.condition = condition;
            this.body = body;
        }

        @Override
        public boolean executeRepeating(VirtualFrame frame) {
            return Conditions.evaluate(condition, frame) && Evaluation.loopBody(body, frame);
        }
    }
}
