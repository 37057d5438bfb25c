package soma.model.diff;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;
import soma.model.CompiledModel;
import soma.model.nodes.Rhs;
import soma.model.nodes.Workspace;

/**
 * The compiled non-zero entries of a small ode's Jacobian as one Truffle node (not a call
 * target), so it is compiled as part of whichever root holds it: the function made by
 * {@code jacobian_of}, the loop of J(Y), a benchmark loop. Evaluating it writes J(t, y)
 * row-major into an n x n array; only the non-zero positions are written, and always the same
 * ones, so a zero-filled array - fresh, or reused from the previous point - ends up holding the
 * whole matrix. Nothing is allocated and the point is read in place (not copied).
 */
public final class JacobianKernel extends Node {
    @Child
    private Rhs entries;

    private final CompiledModel model;
    /** The Jacobian is n x n, n the state size. */
    public final int n;

    /** @param model the entries compiled with {@code ModelCompiler.compileOnly}; its state size is n */
    JacobianKernel(CompiledModel model) {
        this(model, model.rhs);
    }

    private JacobianKernel(CompiledModel model, Rhs entries) {
        this.model = model;
        this.entries = entries;
        this.n = model.stateSize;
    }

    /** A fresh, unadopted copy: a node has one parent, so every root that holds the kernel gets its own. */
    public JacobianKernel copy() {
        return new JacobianKernel(model, (Rhs) entries.deepCopy());
    }

    /** Scratch for one thread: the buffers of shared subexpressions and coefficients, and the model's constants. */
    public Workspace newWorkspace() {
        Workspace w = new Workspace(model.bufferSizes);
        w.c = model.constants(model.instance.values);
        return w;
    }

    /** J(t, y) into out (length n * n, zero wherever the Jacobian is structurally zero). */
    public void evaluate(Workspace w, double[] y, double t, double[] out) {
        w.y = y;
        w.t = t;
        w.dy = out;
        entries.evaluate(w);
    }

    /** The kernel at one point as a call target, for Java callers: arguments (workspace, y, t, out). */
    static final class Root extends RootNode {
        @Child
        private JacobianKernel kernel;

        Root(TruffleLanguage<?> language, JacobianKernel kernel) {
            super(language);
            this.kernel = kernel;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            Object[] a = frame.getArguments();
            kernel.evaluate((Workspace) a[0], (double[]) a[1], (double) a[2], (double[]) a[3]);
            return null;
        }

        @Override
        public String getName() {
            return "Jacobian entries";
        }
    }
}
