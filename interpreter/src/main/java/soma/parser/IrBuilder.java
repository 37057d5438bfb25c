package soma.parser;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import soma.model.ir.Expr;
import soma.model.passes.References;
import soma.parser.antlr.SomaParser.*;
import soma.runtime.Op;

/**
 * Parse tree to the symbolic form of model expressions ({@link Expr}). Numbers, names,
 * arithmetic, comparisons, calls of named functions, constant indexing, vectors and {@code if}
 * have a symbolic form; any other part becomes an {@link Expr.Opaque} saying what it is, which
 * the model passes accept where the part is evaluated once (a static definition) and report
 * where it would be compiled. No analysis happens here.
 */
final class IrBuilder {
    private final int offset;
    /** The parse tree each expression was built from (the innermost, for a parenthesised one). */
    private final Map<Expr, ExpressionContext> origins = new IdentityHashMap<>();

    IrBuilder(int offset) {
        this.offset = offset;
    }

    Expr.Span span(ParserRuleContext c) {
        return span(c, c);
    }

    private Expr.Span span(ParserRuleContext first, ParserRuleContext last) {
        int start = offset + first.getStart().getStartIndex();
        int end = offset + (last.getStop() != null ? last.getStop() : last.getStart()).getStopIndex() + 1;
        return new Expr.Span(start, Math.max(0, end - start));
    }

    /** The parse tree an expression returned by {@link #build} came from, or null. */
    ExpressionContext origin(Expr e) {
        return origins.get(e);
    }

    /** The symbolic form of an expression, or null if some part of it has none. */
    Expr tryBuild(ExpressionContext ctx) {
        Expr e = build(ctx);
        return References.symbolic(e) ? e : null;
    }

    Expr build(ExpressionContext ctx) {
        Expr e = node(ctx);
        origins.putIfAbsent(e, ctx);
        return e;
    }

    private Expr node(ExpressionContext ctx) {
        Expr.Span s = span(ctx);
        return switch (ctx) {
            case NumberExprContext c ->
                new Expr.Num(Double.parseDouble(c.getText().replace("_", "")), s);
            case BoolExprContext c -> new Expr.Num(c.getText().equals("true") ? 1 : 0, s);
            case NameExprContext c -> new Expr.Name(c.ID().getText(), s);
            case ParenExprContext c -> build(c.expression());
            case ListExprContext c -> new Expr.ListOf(all(c.expression()), s);
            case PowerExprContext c -> new Expr.Binary(Op.POW, build(c.expression(0)), build(c.expression(1)), s);
            case UnaryExprContext c ->
                c.op.getText().equals("-") ? new Expr.Neg(build(c.expression()), s) : build(c.expression());
            case MulExprContext c ->
                new Expr.Binary(
                        switch (c.op.getText()) {
                            case "*" -> Op.MUL;
                            case "/" -> Op.DIV;
                            case "%" -> Op.MOD;
                            default -> Op.MATMUL;
                        },
                        build(c.expression(0)),
                        build(c.expression(1)),
                        s);
            case AddExprContext c ->
                new Expr.Binary(
                        c.op.getText().equals("+") ? Op.ADD : Op.SUB,
                        build(c.expression(0)),
                        build(c.expression(1)),
                        s);
            case CompareExprContext c ->
                new Expr.Binary(
                        switch (c.op.getText()) {
                            case "<" -> Op.LT;
                            case "<=" -> Op.LE;
                            case ">" -> Op.GT;
                            case ">=" -> Op.GE;
                            case "==" -> Op.EQ;
                            default -> Op.NE;
                        },
                        build(c.expression(0)),
                        build(c.expression(1)),
                        s);
            case NotExprContext c -> new Expr.Logic("not", build(c.expression()), null, s);
            case AndExprContext c -> new Expr.Logic("and", build(c.expression(0)), build(c.expression(1)), s);
            case OrExprContext c -> new Expr.Logic("or", build(c.expression(0)), build(c.expression(1)), s);
            case IfExprContext c -> ifExpr(c, s);
            case CallExprContext c -> call(c, s);
            case IndexExprContext c -> index(c, s);
            default -> opaque(ctx, "this kind of expression");
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
        else return opaque(c, "'if' without 'else' (a model expression needs a value in both cases)");
        return new Expr.If(build(c.expression(0)), blockValue(c.block(0)), otherwise, s);
    }

    private Expr blockValue(BlockContext b) {
        if (b.statement().size() == 1 && b.statement(0) instanceof ExpressionStatementContext e)
            return build(e.expression());
        return opaque(
                b,
                span(b),
                List.of(b),
                "a block with statements (write a single expression, or a definition before it)",
                false);
    }

    private Expr call(CallExprContext c, Expr.Span s) {
        if (!(c.expression() instanceof NameExprContext n)) return opaque(c, "a call of anything but a named function");
        List<Expr> args = new ArrayList<>();
        if (c.arguments() != null) {
            List<ArgumentContext> given = c.arguments().argument();
            for (int k = 0; k < given.size(); k++) {
                ArgumentContext a = given.get(k);
                if (a.label() != null) {
                    // this argument and the rest stay as they are: what they mention still counts
                    List<ArgumentContext> rest = given.subList(k, given.size());
                    args.add(opaque(a, span(a, rest.getLast()), rest, "a named argument", false));
                    break;
                }
                args.add(build(a.expression()));
            }
        }
        return new Expr.Call(n.ID().getText(), args, s);
    }

    private Expr index(IndexExprContext c, Expr.Span s) {
        if (c.subscript().size() != 1 || !(c.subscript(0) instanceof IndexSubscriptContext k)) {
            return opaque(c, "slicing or several indices (index one element with a constant, e.g. V[2])");
        }
        return new Expr.Index(build(c.expression()), build(k.expression()), s);
    }

    private Expr opaque(ExpressionContext c, String what) {
        return opaque(c, span(c), List.of(c), what, true);
    }

    /** @param at the part to underline; {@code trees} the parse trees the opaque part stands for */
    private Expr opaque(
            ParserRuleContext at, Expr.Span whole, List<? extends ParseTree> trees, String what, boolean standalone) {
        List<String> names = new ArrayList<>();
        List<String> functions = new ArrayList<>();
        boolean[] calls = {false};
        for (ParseTree t : trees) scan(t, names, functions, calls);
        return new Expr.Opaque(
                what, span(at), names.stream().distinct().toList(), functions, calls[0], standalone, whole);
    }

    /** Names, named callees and whether there is any call, in source order. */
    private static void scan(ParseTree tree, List<String> names, List<String> functions, boolean[] calls) {
        if (tree instanceof NameExprContext n) names.add(n.ID().getText());
        if (tree instanceof CallExprContext c) {
            calls[0] = true;
            if (c.expression() instanceof NameExprContext n) functions.add(n.ID().getText());
        }
        for (int i = 0; i < tree.getChildCount(); i++) scan(tree.getChild(i), names, functions, calls);
    }
}
