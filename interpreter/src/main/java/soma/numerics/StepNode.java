package soma.numerics;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RepeatingNode;
import soma.model.nodes.Rhs;
import soma.model.nodes.Workspace;

/**
 * One iteration of an integrator's time loop, as a Truffle {@link RepeatingNode} so that the
 * loop is compiled by on-stack replacement while it runs, with the right-hand side inlined.
 */
abstract class StepNode extends Node implements RepeatingNode {
    @Child
    protected Rhs rhs;

    StepNode(Rhs rhs) {
        this.rhs = rhs;
    }

    @Override
    public final boolean executeRepeating(VirtualFrame frame) {
        return step((Run) frame.getArguments()[0]);
    }

    /** Advances the run; false when it is finished. */
    abstract boolean step(Run r);

    /** f(t, y) into dy. */
    protected final void f(Run r, double t, double[] y, double[] dy) {
        Workspace w = r.w;
        w.t = t;
        w.y = y;
        w.dy = dy;
        rhs.evaluate(w);
    }

    /** A non-finite state stops the run, naming the first bad element. */
    protected static void checkFinite(Run r, double t) {
        double[] y = r.y;
        double s = 0;
        for (int i = 0; i < y.length; i++) s += y[i] * 0;
        if (s != 0 || Double.isNaN(s)) {
            CompilerDirectives.transferToInterpreter();
            int bad = 0;
            while (bad < y.length && Double.isFinite(y[bad])) bad++;
            throw new Divergence(r.sample, t, bad, Double.isNaN(y[bad]) ? "became NaN" : "became infinite");
        }
    }

    /** Records the state every r.every steps (fixed-step methods). */
    protected static void maybeRecord(Run r) {
        if (--r.untilRecord == 0) {
            r.untilRecord = r.every;
            r.record();
        }
    }
}
