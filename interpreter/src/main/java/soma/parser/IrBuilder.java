package soma.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import soma.model.ir.Expr;
import soma.parser.antlr.SomaParser.*;
import soma.runtime.Op;

/**
 * Parse tree to the symbolic form of model expressions ({@link Expr}). Only what a right-hand
 * side can mean is accepted: numbers, names, arithmetic, comparisons, calls of named functions,
 * constant indexing, vectors of scalars and {@code if}; anything else is a located error.
 */
final class IrBuilder {
    private final Diagnostics diagnostics;
    private final int offset;
    /** Replaces a sub-expression that does not depend on the state by a name (or returns null). */
    private java.util.function.Function<ExpressionContext, Expr> hoist = c -> null;

    IrBuilder(Diagnostics diagnostics, int offset) {
        this.diagnostics = diagnostics;
        this.offset = offset;
    }

    void hoisting(java.util.function.Function<ExpressionContext, Expr> hoist) {
        this.hoist = hoist;
    }

    Expr.Span span(ParserRuleContext c) {
        int start = offset + c.getStart().getStartIndex();
        int end = offset + (c.getStop() != null ? c.getStop() : c.getStart()).getStopIndex() + 1;
        return new Expr.Span(start, Math.max(0, end - start));
    }

    Expr build(ExpressionContext ctx) {
        Expr hoisted = hoist.apply(ctx);
        if (hoisted != null) return hoisted;
        Expr.Span s = span(ctx);
        return switch (ctx) {
            case NumberExprContext c -> new Expr.Num(Double.parseDouble(c.getText().replace("_", "")), s);
            case BoolExprContext c -> new Expr.Num(c.getText().equals("true") ? 1 : 0, s);
            case NameExprContext c -> new Expr.Name(c.ID().getText(), s);
            case ParenExprContext c -> build(c.expression());
            case ListExprContext c -> new Expr.ListOf(all(c.expression()), s);
            case PowerExprContext c -> new Expr.Binary(Op.POW, build(c.expression(0)), build(c.expression(1)), s);
            case UnaryExprContext c -> c.op.getText().equals("-") ? new Expr.Neg(build(c.expression()), s) : build(c.expression());
            case MulExprContext c -> new Expr.Binary(switch (c.op.getText()) {
                case "*" -> Op.MUL;
                case "/" -> Op.DIV;
                case "%" -> Op.MOD;
                default -> Op.MATMUL;
            }, build(c.expression(0)), build(c.expression(1)), s);
            case AddExprContext c -> new Expr.Binary(c.op.getText().equals("+") ? Op.ADD : Op.SUB, build(c.expression(0)), build(c.expression(1)), s);
            case CompareExprContext c -> new Expr.Binary(switch (c.op.getText()) {
                case "<" -> Op.LT;
                case "<=" -> Op.LE;
                case ">" -> Op.GT;
                case ">=" -> Op.GE;
                case "==" -> Op.EQ;
                default -> Op.NE;
            }, build(c.expression(0)), build(c.expression(1)), s);
            case NotExprContext c -> new Expr.Logic("not", build(c.expression()), null, s);
            case AndExprContext c -> new Expr.Logic("and", build(c.expression(0)), build(c.expression(1)), s);
            case OrExprContext c -> new Expr.Logic("or", build(c.expression(0)), build(c.expression(1)), s);
            case IfExprContext c -> ifExpr(c, s);
            case CallExprContext c -> call(c, s);
            case IndexExprContext c -> index(c, s);
            default -> unsupported(ctx, "this kind of expression");
        };
    }

    private List<Expr> all(List<ExpressionContext> list) {
        List<Expr> out = new ArrayList<>(list.size());
        for (ExpressionContext e : list) out.add(build(e));
        return out;
    }

    private Expr ifExpr(IfExprContext c, Expr.Span s) {
        Expr otherwise;
        if (c.ifElse != null) otherwise = build(c.ifElse);
        else if (c.elseBlock != null) otherwise = blockValue(c.elseBlock);
        else return unsupported(c, "'if' without 'else' (a model expression needs a value in both cases)");
        return new Expr.If(build(c.expression(0)), blockValue(c.block(0)), otherwise, s);
    }

    private Expr blockValue(BlockContext b) {
        if (b.statement().size() == 1 && b.statement(0) instanceof ExpressionStatementContext e) return build(e.expression());
        return unsupported(b, "a block with statements (write a single expression, or a definition before it)");
    }

    private Expr call(CallExprContext c, Expr.Span s) {
        if (!(c.expression() instanceof NameExprContext n)) return unsupported(c, "a call of anything but a named function");
        List<Expr> args = new ArrayList<>();
        if (c.arguments() != null) {
            for (ArgumentContext a : c.arguments().argument()) {
                if (a.label() != null) return unsupported(a, "a named argument");
                args.add(build(a.expression()));
            }
        }
        return new Expr.Call(n.ID().getText(), args, s);
    }

    private Expr index(IndexExprContext c, Expr.Span s) {
        if (c.subscript().size() != 1 || !(c.subscript(0) instanceof IndexSubscriptContext k)) {
            return unsupported(c, "slicing or several indices (index one element with a constant, e.g. V[2])");
        }
        return new Expr.Index(build(c.expression()), build(k.expression()), s);
    }

    /** Thrown in lenient mode instead of reporting: the expression has no symbolic form. */
    static final class NotSymbolic extends RuntimeException {
        NotSymbolic() {
            super(null, null, false, false);
        }
    }

    private boolean lenient;

    /** The symbolic form of an expression, or null if it has none (no errors reported). */
    Expr tryBuild(ExpressionContext ctx) {
        boolean saved = lenient;
        lenient = true;
        try {
            return build(ctx);
        } catch (NotSymbolic e) {
            return null;
        } finally {
            lenient = saved;
        }
    }

    private Expr unsupported(ParserRuleContext c, String what) {
        if (lenient) throw new NotSymbolic();
        Expr.Span s = span(c);
        diagnostics.error(s.start(), s.length(), "not allowed in a model's equations: " + what);
        return new Expr.Num(0, s);
    }
}
