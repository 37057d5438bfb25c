package soma.builtins;

import soma.model.ModelInstance;
import soma.model.diff.JacobianBuilder;
import soma.model.diff.JacobianValue;
import soma.runtime.Nil;
import soma.runtime.Printer;
import soma.runtime.SomaRecord;
import soma.runtime.TensorHooks;

/** Exact derivatives of models: Jacobians derived symbolically from the declarations. */
final class DerivativeBuiltins {
    private DerivativeBuiltins() {}

    static void register(Builtins r) {
        r.def("jacobian(model, at = nil, t = 0)", "exact Jacobian of an ode's right-hand side at a state (record or vector; default: "
                + "the initial state), or of a network's output with respect to its input at: x; .symbolic shows the formula", a -> {
            if (!(a.get(0) instanceof ModelInstance model)) {
                throw a.error("'model' must be an ode or network instance, got a " + Printer.typeName(a.get(0)));
            }
            double[] y = point(a, model);
            JacobianBuilder.Result j = new JacobianBuilder(model).at(y, a.num(2), a.context());
            return new JacobianValue(j.matrix(), j.symbolic());
        });
    }

    /** The full state (or input) vector for the point: inputs from at:, the other variables from the instance. */
    static double[] point(Args a, ModelInstance model) {
        Object at = a.get(1);
        java.util.List<Double> flat = new java.util.ArrayList<>();
        boolean feedforward = model.declaration.isFeedforward();
        for (var s : model.declaration.states) {
            Object value;
            if (at instanceof SomaRecord rec && rec.has(s.name())) value = rec.get(s.name());
            else if (at != Nil.INSTANCE && !(at instanceof SomaRecord) && s.input() == feedforward && onlyOne(model)) value = at;
            else if (at != Nil.INSTANCE && !(at instanceof SomaRecord) && !feedforward && !s.input()) value = null;
            else value = model.field(s.name());
            if (value == null) continue;
            for (double x : TensorHooks.toTensor(value, "at." + s.name()).flatten().realData()) flat.add(x);
        }
        double[] y = flat.stream().mapToDouble(Double::doubleValue).toArray();
        if (at != Nil.INSTANCE && !(at instanceof SomaRecord) && !onlyOne(model) && !feedforward) {
            y = TensorHooks.toTensor(at, "at").flatten().realData().clone();
        }
        return y;
    }

    private static boolean onlyOne(ModelInstance model) {
        boolean feedforward = model.declaration.isFeedforward();
        return model.declaration.states.stream().filter(s -> s.input() == feedforward).count() == 1;
    }
}
