package soma.bench;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RepeatingNode;
import com.oracle.truffle.api.nodes.RootNode;
import soma.SomaContext;
import soma.model.ModelInstance;
import soma.model.diff.JacobianBuilder;
import soma.model.diff.JacobianKernel;
import soma.model.nodes.Workspace;

/**
 * The compiled STG Jacobian kernel itself against the hand-written one, without the language
 * around it (no Soma call, no argument checks, no result tensor). Both sides evaluate the same
 * points (a trajectory, so every transcendental sees new arguments) into one reused buffer and
 * fold an entry of each Jacobian into a checksum, so nothing is dead code. The Soma side runs
 * in a Truffle LoopNode, so Graal compiles the loop with the entries inlined (on-stack
 * replacement), as it does an integrator's time loop.
 */
final class JacobianKernelBench {
    /** Mutable state of one timed run (the loop keeps no Java locals between iterations). */
    private static final class Run {
        final Workspace w;
        final double[][] points;
        final double[] out;
        int k;
        int count;
        double sum;

        Run(Workspace w, double[][] points, int n) {
            this.w = w;
            this.points = points;
            this.out = new double[n * n];
        }
    }

    private static final class Body extends Node implements RepeatingNode {
        @Child
        private JacobianKernel kernel;

        Body(JacobianKernel kernel) {
            this.kernel = kernel;
        }

        @Override
        public boolean executeRepeating(VirtualFrame frame) {
            Run r = (Run) frame.getArguments()[0];
            int k = r.k;
            if (k >= r.count) return false;
            double[] out = r.out;
            kernel.evaluate(r.w, r.points[k % r.points.length], 0, out);
            r.sum += out[k % out.length];
            r.k = k + 1;
            return true;
        }
    }

    private static final class Root extends RootNode {
        @Child
        private LoopNode loop;

        Root(JacobianKernel kernel) {
            super(SomaContext.get(null).language());
            this.loop = Truffle.getRuntime().createLoopNode(new Body(kernel));
        }

        @Override
        public Object execute(VirtualFrame frame) {
            loop.execute(frame);
            return ((Run) frame.getArguments()[0]).sum;
        }

        @Override
        public String getName() {
            return "Jacobian kernel loop";
        }
    }

    private final CallTarget target;
    private final Run run;
    private final double[][] points;
    private final JacobianKernel single;

    /** Must be created and timed with the Soma context entered on this thread. */
    JacobianKernelBench(ModelInstance model, double[][] points) {
        JacobianBuilder.Prepared prepared = new JacobianBuilder(model).prepare(SomaContext.get(null));
        JacobianKernel kernel = prepared.kernel();
        if (kernel == null) throw new IllegalStateException(model.declaration.name + ": no compiled Jacobian entries");
        this.points = points;
        this.single = prepared.kernel();
        this.run = new Run(kernel.newWorkspace(), points, kernel.n);
        this.target = new Root(kernel).getCallTarget();
    }

    /** count Jacobians through the compiled kernel loop; returns the checksum. */
    double soma(int count) {
        run.k = 0;
        run.count = count;
        run.sum = 0;
        return (double) target.call(run);
    }

    /** The same count of Jacobians, hand-written, at the same points. */
    double java(int count, double gElNs, double gSynANs) {
        double[] out = new double[225];
        double sum = 0;
        for (int k = 0; k < count; k++) {
            StgJacobian.jacobian(points[k % points.length], gElNs, gSynANs, out);
            sum += out[k % out.length];
        }
        return sum;
    }

    /** The hand-written Jacobians again, each into a new array (as J(y) returns a new matrix): what allocation alone costs. */
    double javaFresh(int count, double gElNs, double gSynANs) {
        double sum = 0;
        for (int k = 0; k < count; k++) {
            double[] out = new double[225];
            StgJacobian.jacobian(points[k % points.length], gElNs, gSynANs, out);
            sum += out[k % out.length];
            last = out; // escapes, so the allocation cannot be optimized away
        }
        return sum;
    }

    private double[] last;

    /** Largest |J_soma - J_java| over all points, relative to the largest |J_java|. */
    double difference(double gElNs, double gSynANs) {
        Workspace w = single.newWorkspace();
        double diff = 0;
        double scale = 0;
        for (double[] y : points) {
            double[] soma = new double[225];
            double[] java = new double[225];
            single.evaluate(w, y, 0, soma);
            StgJacobian.jacobian(y, gElNs, gSynANs, java);
            for (int i = 0; i < 225; i++) {
                diff = Math.max(diff, Math.abs(soma[i] - java[i]));
                scale = Math.max(scale, Math.abs(java[i]));
            }
        }
        return diff / scale;
    }
}
