package soma.model.ir;

import java.util.List;
import soma.runtime.Op;

/**
 * The symbolic form of a model's dynamic expressions (right-hand sides, auxiliaries, outputs).
 * It is built once from the parse tree, analysed by the passes of {@code soma.model.passes}, compiled into fast nodes per instance, and is what
 * symbolic differentiation works on. Every node keeps its source span for error messages.
 */
public sealed interface Expr {
    Span span();

    /** Characters [start, start + length) of the declaration's source. */
    record Span(int start, int length) {}

    record Num(double value, Span span) implements Expr {}

    /** A name: state, parameter, definition, {@code t}, or a global (constant or function). */
    record Name(String name, Span span) implements Expr {}

    record Binary(Op op, Expr left, Expr right, Span span) implements Expr {}

    record Neg(Expr operand, Span span) implements Expr {}

    /** {@code not c}, {@code a and b}, {@code a or b} on 0/1 values. */
    record Logic(String kind, Expr left, Expr right, Span span) implements Expr {}

    /** A call of a global function by name: a math builtin or a user function (inlined). */
    record Call(String function, List<Expr> args, Span span) implements Expr {}

    /** {@code x[k]} with k a constant of the instance (number, parameter or definition). */
    record Index(Expr target, Expr key, Span span) implements Expr {}

    /** {@code [a, b, c]}: a vector of scalar expressions. */
    record ListOf(List<Expr> items, Span span) implements Expr {}

    /** {@code if c { a } else { b }}, elementwise. */
    record If(Expr condition, Expr then, Expr otherwise, Span span) implements Expr {}

    /**
     * A part of a model expression with no symbolic form (slicing, a block, a named argument...):
     * fine where it is evaluated once per instance by the interpreter (a static definition, a
     * hoisted sub-expression), an error at {@code at} in code that is compiled. The model passes
     * see only what it refers to: the names it mentions (called functions included, in source
     * order), the named functions it calls, and whether it calls anything at all.
     *
     * @param standalone false for a part that is not an expression of its own (an if's block),
     *                   which therefore cannot be hoisted by itself
     */
    record Opaque(
            String what,
            Span at,
            List<String> names,
            List<String> functions,
            boolean calls,
            boolean standalone,
            Span span)
            implements Expr {
        /** For the passes after the analysis, which only ever see code that has a symbolic form. */
        public IllegalStateException unexpected() {
            return new IllegalStateException("a part with no symbolic form reached symbolic code: " + what);
        }
    }
}
