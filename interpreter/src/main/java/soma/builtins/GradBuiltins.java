package soma.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import soma.SomaLanguage;
import soma.autodiff.Gradients;
import soma.linalg.Linalg;
import soma.optim.Minimizers;
import soma.runtime.Signature;
import soma.runtime.SomaError;
import soma.runtime.SomaFunction;
import soma.runtime.SomaList;
import soma.runtime.SomaRecord;
import soma.runtime.TensorHooks;
import soma.tensor.Tensor;
import soma.tensor.TensorFields;

/** Reverse-mode gradients of Soma functions, and the optimisers and root finder built on them. */
final class GradBuiltins {
    private GradBuiltins() {}

    static void register(Builtins r) {
        r.def(
                "grad(f)",
                "the gradient function of a scalar function f(x, ...) with respect to x (reverse mode)",
                a -> derived(a, a.function("f"), false));
        r.def(
                "value_and_grad(f)",
                "a function returning {value, grad} of f(x, ...) with respect to x",
                a -> derived(a, a.function("f"), true));
        r.def(
                "minimize(f, x0, method = \"lbfgs\", lr = 0.01, iters = 1000, momentum = 0.9, tol = 1e-8)",
                "minimise a scalar function with adam, sgd (with momentum) or lbfgs, using its exact gradient; {x, value, iterations, converged}",
                a -> minimize(a, a.str("method")));
        r.def(
                "adam(f, x0, lr = 0.001, iters = 1000, tol = 0)",
                "minimise f with Adam; {x, value, iterations, converged}",
                a -> run(a, new Minimizers.Options("adam", a.num("lr"), a.integer("iters"), 0, a.num("tol"))));
        r.def(
                "sgd(f, x0, lr = 0.01, momentum = 0.9, iters = 1000, tol = 0)",
                "minimise f by gradient descent with momentum",
                a -> run(
                        a,
                        new Minimizers.Options(
                                "sgd", a.num("lr"), a.integer("iters"), a.num("momentum"), a.num("tol"))));
        r.def(
                "lbfgs(f, x0, iters = 500, tol = 1e-8)",
                "minimise f with L-BFGS (memory 10, strong Wolfe line search)",
                a -> run(a, new Minimizers.Options("lbfgs", 0, a.integer("iters"), 0, a.num("tol"))));
        r.def(
                "root(f, x0, tol = 1e-12, iters = 100)",
                "a root of f: R^n -> R^n by Newton's method with a backtracking line search "
                        + "(Jacobian by reverse mode); {x, residual, iterations, converged}",
                GradBuiltins::root);
    }

    private static SomaFunction derived(Args a, SomaFunction f, boolean withValue) {
        Signature sig = new Signature(
                (withValue ? "value_and_grad(" : "grad(") + f.name() + ")",
                new String[] {"x", "rest"},
                new boolean[] {false, false},
                1,
                false);
        return new SomaFunction(sig, new GradRoot(a.context().language(), f, withValue).getCallTarget(), null, true);
    }

    /** The call target of grad(f): runs f on a tracked x and sweeps back. */
    private static final class GradRoot extends RootNode {
        private final SomaFunction f;
        private final boolean withValue;

        GradRoot(SomaLanguage language, SomaFunction f, boolean withValue) {
            super(language);
            this.f = f;
            this.withValue = withValue;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            return run(frame.getArguments());
        }

        @TruffleBoundary
        private Object run(Object[] args) {
            Object x = args[1];
            Object[] rest = ((SomaList) args[2]).items.toArray();
            Gradients.ValueAndGrad vg = Gradients.valueAndGrad(f, TensorHooks.toTensor(x, "grad: x"), rest);
            Object g = x instanceof Double ? (Object) vg.gradient().realData()[0] : vg.gradient();
            if (!withValue) return g;
            SomaRecord out = new SomaRecord();
            out.put("value", vg.value());
            out.put("grad", g);
            return out;
        }
    }

    private static Object minimize(Args a, String method) {
        return run(a, new Minimizers.Options(method, a.num("lr"), a.integer("iters"), a.num("momentum"), a.num("tol")));
    }

    private static Object run(Args a, Minimizers.Options o) {
        SomaFunction f = a.function("f");
        Object start = a.get("x0");
        Tensor x0 = TensorHooks.toTensor(start, a.name() + ": x0");
        int[] shape = x0.shape();
        Minimizers.Result r = Minimizers.minimize(
                x -> Gradients.valueAndGrad(f, new Tensor(shape, x.clone()), new Object[0]),
                x0.flatten().realData(),
                o);
        SomaRecord out = new SomaRecord();
        out.put("x", TensorFields.unwrap(new Tensor(shape, r.x())));
        out.put("value", r.value());
        out.put("iterations", (double) r.iterations());
        out.put("converged", r.converged());
        return out;
    }

    private static Object root(Args a) {
        SomaFunction f = a.function("f");
        Tensor x = TensorHooks.toTensor(a.get("x0"), "root: x0").flatten();
        double tol = a.num("tol");
        int it = 0;
        double[] r = Gradients.value(f, x, new Object[0]).flatten().realData();
        while (it < a.integer("iters") && norm(r) > tol) {
            it++;
            Tensor j = Gradients.jacobian(f, x, new Object[0]);
            if (j.shape()[0] != x.size())
                throw new SomaError(
                        "root: f must return as many values as x has (" + x.size() + "), got " + j.shape()[0]);
            double[] step =
                    Linalg.solve(j, new Tensor(new int[] {r.length}, r).neg()).realData();
            double alpha = 1;
            Tensor trial;
            double[] rt;
            do {
                double[] t = x.realData().clone();
                for (int i = 0; i < t.length; i++) t[i] += alpha * step[i];
                trial = new Tensor(x.shape(), t);
                rt = Gradients.value(f, trial, new Object[0]).flatten().realData();
                alpha /= 2;
            } while (norm(rt) > (1 - 1e-4 * alpha) * norm(r) && alpha > 1e-10);
            x = trial;
            r = rt;
        }
        SomaRecord out = new SomaRecord();
        out.put("x", x.size() == 1 && a.get("x0") instanceof Double ? (Object) x.realData()[0] : x);
        out.put("residual", norm(r));
        out.put("iterations", (double) it);
        out.put("converged", norm(r) <= tol);
        return out;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }
}
