package soma.builtins;

/** Elementwise math on numbers (and, through tensor hooks, on tensors) plus constants. */
final class MathBuiltins {
    private MathBuiltins() {}

    static void register(Builtins r) {
        r.constant("pi", Math.PI);
        r.constant("e", Math.E);
        r.constant("inf", Double.POSITIVE_INFINITY);
        r.constant("nan", Double.NaN);

        r.math("sqrt", "square root", Math::sqrt);
        r.math("exp", "e to the x", Math::exp);
        r.math("log", "natural logarithm", Math::log);
        r.math("log10", "base-10 logarithm", Math::log10);
        r.math("sin", "sine (radians)", Math::sin);
        r.math("cos", "cosine (radians)", Math::cos);
        r.math("tan", "tangent (radians)", Math::tan);
        r.math("asin", "arc sine", Math::asin);
        r.math("acos", "arc cosine", Math::acos);
        r.math("atan", "arc tangent", Math::atan);
        r.math("sinh", "hyperbolic sine", Math::sinh);
        r.math("cosh", "hyperbolic cosine", Math::cosh);
        r.math("tanh", "hyperbolic tangent", Math::tanh);
        r.math("abs", "absolute value (modulus for complex)", Math::abs);
        r.math("floor", "round down", Math::floor);
        r.math("ceil", "round up", Math::ceil);
        r.math("round", "round to nearest (halves away from zero)", x -> x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5));
        r.math("sign", "-1, 0 or 1", Math::signum);
        r.math("sigmoid", "logistic function 1 / (1 + e^-x)", x -> 1.0 / (1.0 + Math.exp(-x)));
        r.math("relu", "max(x, 0)", x -> x > 0 ? x : 0.0);
        r.math("softplus", "log(1 + e^x), computed stably", x -> x > 30 ? x : Math.log1p(Math.exp(x)));

        r.def("atan2(y, x)", "angle of the point (x, y)", a -> Math.atan2(a.num(0), a.num(1)));
        r.def("hypot(x, y)", "sqrt(x^2 + y^2) without overflow", a -> Math.hypot(a.num(0), a.num(1)));
        r.def("clamp(x, lo, hi)", "x limited to [lo, hi]", a -> Math.max(a.num(1), Math.min(a.num(2), a.num(0))));
        r.def("is_nan(x)", "true if x is NaN", a -> Double.isNaN(a.num(0)));
        r.def("is_finite(x)", "true if x is neither NaN nor infinite", a -> Double.isFinite(a.num(0)));
    }
}
