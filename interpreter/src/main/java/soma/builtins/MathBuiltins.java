package soma.builtins;

import soma.runtime.MathFunctions;

/** Elementwise math on numbers (and, through tensor hooks, on tensors) plus constants. */
final class MathBuiltins {
    private MathBuiltins() {}

    static void register(Builtins r) {
        r.constant("pi", Math.PI);
        r.constant("e", Math.E);
        r.constant("inf", Double.POSITIVE_INFINITY);
        r.constant("nan", Double.NaN);

        for (var e : MathFunctions.ALL.entrySet())
            r.math(e.getKey(), e.getValue().help(), e.getValue().op());

        r.def("atan2(y, x)", "angle of the point (x, y)", a -> Math.atan2(a.num("y"), a.num("x")));
        r.def("hypot(x, y)", "sqrt(x^2 + y^2) without overflow", a -> Math.hypot(a.num("x"), a.num("y")));
        r.def(
                "clamp(x, lo, hi)",
                "x limited to [lo, hi]",
                a -> Math.max(a.num("lo"), Math.min(a.num("hi"), a.num("x"))));
        r.def("is_nan(x)", "true if x is NaN", a -> Double.isNaN(a.num("x")));
        r.def("is_finite(x)", "true if x is neither NaN nor infinite", a -> Double.isFinite(a.num("x")));
    }
}
