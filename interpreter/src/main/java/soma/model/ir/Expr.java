package soma.model.ir;

import java.util.List;
import soma.runtime.Op;

/**
 * The symbolic form of a model's dynamic expressions (right-hand sides, auxiliaries, outputs).
 * It is built once from the parse tree, compiled into fast nodes per instance, and is what
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
}
