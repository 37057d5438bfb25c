package soma.model;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import java.util.List;
import soma.model.ir.Expr;
import soma.model.nodes.Rhs;
import soma.model.nodes.Workspace;
import soma.runtime.Host;
import soma.runtime.SomaError;
import soma.runtime.SomaRecord;
import soma.tensor.Tensor;
import soma.tensor.TensorFields;

/**
 * One evaluation of a compiled model at a given state (or input) and time: the outputs of a
 * feedforward network, or the right-hand side of an ode. Used by {@code forward} and
 * {@code derivative}.
 */
public final class Evaluator {
    private Evaluator() {}

    private static final class Root extends RootNode {
        @Child
        private Rhs rhs;

        Root(Host context, Rhs rhs) {
            super(context.language());
            this.rhs = rhs;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            rhs.evaluate((Workspace) frame.getArguments()[0]);
            return null;
        }
    }

    /** A model compiled once and evaluated at many points (Newton iterations, Jacobians). */
    public static final class Compiled {
        private final CompiledModel model;
        private final Workspace w;
        private final CallTarget target;

        Compiled(CompiledModel model, Host context) {
            this.model = model;
            this.w = new Workspace(model.bufferSizes);
            this.w.c = model.constants(model.instance.values);
            this.w.dy = new double[model.stateSize];
            this.target = new Root(context, model.rhs).getCallTarget();
        }

        public CompiledModel model() {
            return model;
        }

        public void run(double[] y, double t) {
            load(y, t);
            target.call(w);
        }

        private void load(double[] y, double t) {
            if (y.length != model.stateSize) {
                throw new SomaError(model.instance.declaration.name + " has " + model.stateSize
                        + " state/input elements, got " + y.length + " values");
            }
            w.t = t;
            if (w.y == null || w.y.length != y.length) w.y = new double[y.length];
            System.arraycopy(y, 0, w.y, 0, y.length); // a copy: the caller may reuse y
        }

        public double[] derivative() {
            return w.dy.clone();
        }

        /** The first element of an output's buffer (scalar outputs), without allocating. */
        public double scalar(CompiledModel.Output o) {
            return w.buf[o.buffer()][0];
        }

        public Object output(CompiledModel.Output o) {
            return TensorFields.unwrap(new Tensor(o.shape(), w.buf[o.buffer()].clone()));
        }
    }

    public static Compiled compile(ModelInstance instance, Host context, List<Expr> extras) {
        return new Compiled(ModelCompiler.compile(instance, context, extras), context);
    }

    /** The model compiled and evaluated once at (t, y): for forward() and derivative(). */
    public static Compiled at(ModelInstance instance, double[] y, double t, Host context) {
        Compiled c = compile(instance, context, List.of());
        c.run(y, t);
        return c;
    }

    /** Outputs of a network: all dynamic definitions (the last one alone if it is the only one asked). */
    public static Object outputs(Compiled r) {
        List<CompiledModel.Output> outs = r.model().outputs;
        if (outs.isEmpty())
            throw new SomaError(r.model().instance.declaration.name
                    + " defines no outputs (definitions that depend on its inputs)");
        if (outs.size() == 1 && !outs.get(0).name().startsWith("$")) return r.output(outs.get(0));
        SomaRecord rec = new SomaRecord();
        for (CompiledModel.Output o : outs) if (!o.name().startsWith("$")) rec.put(o.name(), r.output(o));
        if (rec.fields.size() == 1) return rec.fields.values().iterator().next();
        return rec;
    }
}
