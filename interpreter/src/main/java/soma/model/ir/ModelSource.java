package soma.model.ir;

import java.util.List;

/**
 * What the body of an {@code ode} or {@code network} declaration says, as the parser read it and
 * before any analysis: every expression is in {@link Expr} form (parts with no symbolic form are
 * {@link Expr.Opaque}), every item keeps its source span. The passes of {@code soma.model.passes}
 * decide what is static, in which order definitions run and what is hoisted.
 */
public record ModelSource(
        String name,
        List<String> parameters,
        List<State> states,
        List<Definition> definitions,
        List<Equation> equations) {
    public ModelSource {
        parameters = List.copyOf(parameters);
        states = List.copyOf(states);
        definitions = List.copyOf(definitions);
        equations = List.copyOf(equations);
    }

    /** {@code state x[size] = init} or {@code input x[size]}; size and init are null when not written. */
    public record State(String name, boolean input, Expr size, Expr init, Expr.Span span) {
        public boolean indexed() {
            return size != null;
        }
    }

    /** {@code name = value}; span covers the whole definition. */
    public record Definition(String name, Expr value, Expr.Span span) {}

    /** {@code dx/dt = value} (index null) or {@code dx[k]/dt = value}; target is the span of {@code dx/dt}. */
    public record Equation(String state, Expr index, Expr value, Expr.Span span, Expr.Span target) {}
}
