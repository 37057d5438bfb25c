package soma.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The one-argument math functions, defined once: the builtins use them on numbers and tensors,
 * and compiled model equations inline the same operators, so a function means the same thing
 * in a script and in an integrator.
 */
public final class MathFunctions {
    private MathFunctions() {}

    public record Entry(String help, DoubleUnaryOperator op) {}

    public static final Map<String, Entry> ALL = table();

    private static Map<String, Entry> table() {
        Map<String, Entry> m = new LinkedHashMap<>();
        m.put("sqrt", new Entry("square root", Math::sqrt));
        m.put("exp", new Entry("e to the x", Math::exp));
        m.put("log", new Entry("natural logarithm", Math::log));
        m.put("log10", new Entry("base-10 logarithm", Math::log10));
        m.put("sin", new Entry("sine (radians)", Math::sin));
        m.put("cos", new Entry("cosine (radians)", Math::cos));
        m.put("tan", new Entry("tangent (radians)", Math::tan));
        m.put("asin", new Entry("arc sine", Math::asin));
        m.put("acos", new Entry("arc cosine", Math::acos));
        m.put("atan", new Entry("arc tangent", Math::atan));
        m.put("sinh", new Entry("hyperbolic sine", Math::sinh));
        m.put("cosh", new Entry("hyperbolic cosine", Math::cosh));
        m.put("tanh", new Entry("hyperbolic tangent", Math::tanh));
        m.put("abs", new Entry("absolute value (modulus for complex)", Math::abs));
        m.put("floor", new Entry("round down", Math::floor));
        m.put("ceil", new Entry("round up", Math::ceil));
        m.put(
                "round",
                new Entry(
                        "round to nearest (halves away from zero)",
                        x -> x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5)));
        m.put("sign", new Entry("-1, 0 or 1", Math::signum));
        m.put("sigmoid", new Entry("logistic function 1 / (1 + e^-x)", x -> 1.0 / (1.0 + Math.exp(-x))));
        m.put("relu", new Entry("max(x, 0)", x -> x > 0 ? x : 0.0));
        m.put("softplus", new Entry("log(1 + e^x), computed stably", x -> x > 30 ? x : Math.log1p(Math.exp(x))));
        return m;
    }
}
