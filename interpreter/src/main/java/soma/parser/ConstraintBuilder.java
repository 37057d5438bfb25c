package soma.parser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.tree.ParseTree;
import soma.epi.Moment;
import soma.epi.nodes.ConstraintNode;
import soma.nodes.BlockNode;
import soma.nodes.ExprNode;
import soma.nodes.FunctionRootNode;
import soma.nodes.calls.FunctionNode;
import soma.nodes.literals.ListNode;
import soma.nodes.variables.WriteGlobalNode;
import soma.nodes.variables.WriteLocalNodeGen;
import soma.parser.antlr.SomaParser.*;

/**
 * {@code constraint} declarations: statements that compute statistics of a model's output
 * ({@code f = hub_frequency(sim.V[:, :, 2], dt: 0.025)}) and moment lines
 * ({@code mean(f) == 0.525}, {@code std(f) == 0.025}, {@code var(f) == v}, {@code E[g] == v}).
 * The body compiles to a function returning each line's expression and target; the lines'
 * kinds become T(x) and mu (see {@link Moment}).
 */
final class ConstraintBuilder {
    private final AstBuilder ast;

    ConstraintBuilder(AstBuilder ast) {
        this.ast = ast;
    }

    ExprNode constraint(DeclarationContext c) {
        String name = c.ID().getText();
        List<ParameterContext> params =
                c.parameters() == null ? List.of() : c.parameters().parameter();
        if (params.size() != 1)
            ast.error(
                    c.ID().getSymbol(),
                    "a constraint takes one parameter, the model's output: constraint " + name + "(sim) { ... }");
        Scope fn = new Scope(ast.scope, false);
        ast.scope = fn;
        List<ExprNode> body = new ArrayList<>();
        ast.bindParameters(fn, params, body);
        List<Moment> moments = new ArrayList<>();
        List<ExprNode> expressions = new ArrayList<>(), targets = new ArrayList<>();
        Map<String, Integer> meanLines = new HashMap<>();
        List<Object[]> secondMoments = new ArrayList<>(); // {line index, inner text, context}
        for (DeclarationItemContext item : c.declarationBody().declarationItem()) {
            if (!(item instanceof PlainItemContext p)) {
                ast.error(item, "a constraint holds statements and moment lines such as mean(f) == 0.525");
                continue;
            }
            StatementContext s = p.statement();
            if (s instanceof ExpressionStatementContext e
                    && e.expression() instanceof CompareExprContext cmp
                    && cmp.op.getText().equals("==")) {
                Moment.Kind kind;
                ExpressionContext inner;
                if (cmp.expression(0) instanceof CallExprContext call
                        && call.expression() instanceof NameExprContext fnName
                        && call.arguments() != null
                        && call.arguments().argument().size() == 1
                        && call.arguments().argument(0).label() == null
                        && List.of("mean", "std", "var").contains(fnName.getText())) {
                    kind = switch (fnName.getText()) {
                        case "mean" -> Moment.Kind.MEAN;
                        case "std" -> Moment.Kind.STD;
                        default -> Moment.Kind.VAR;
                    };
                    inner = call.arguments().argument(0).expression();
                } else if (cmp.expression(0) instanceof IndexExprContext idx
                        && idx.expression() instanceof NameExprContext en
                        && en.getText().equals("E")
                        && idx.subscript().size() == 1
                        && idx.subscript(0) instanceof IndexSubscriptContext is) {
                    kind = Moment.Kind.EXPECTATION;
                    inner = is.expression();
                } else {
                    ast.error(
                            cmp.expression(0),
                            "a moment line reads mean(x) == value, std(x) == value, var(x) == value or E[x] == value");
                    continue;
                }
                String innerText = ast.text(inner);
                int line = moments.size();
                if (kind == Moment.Kind.MEAN) meanLines.put(innerText, line);
                if (kind == Moment.Kind.STD || kind == Moment.Kind.VAR)
                    secondMoments.add(new Object[] {line, innerText, cmp});
                moments.add(new Moment(kind, ast.text(cmp), -1));
                expressions.add(ast.expr(inner));
                targets.add(ast.expr(cmp.expression(1)));
            } else if (s instanceof AssignStatementContext a
                    && a.op.getText().equals("=")
                    && a.target instanceof NameExprContext n) {
                body.add(ast.located(WriteLocalNodeGen.create(ast.expr(a.value), fn.declare(n.getText())), a));
            } else {
                body.add(ast.statement(s));
            }
        }
        if (moments.isEmpty() && !ast.diagnostics.hasErrors()) {
            // Without a moment line there is nothing to constrain: epi would fit to no condition at all.
            ast.error(
                    c.ID().getSymbol(),
                    "constraint " + name + " has no moment lines: add one such as mean(f) == 0.525");
        }
        for (Object[] sm : secondMoments) {
            int line = (Integer) sm[0];
            Integer mean = meanLines.get((String) sm[1]);
            if (mean == null) {
                ast.error(
                        (CompareExprContext) sm[2],
                        "a constraint on the spread of " + sm[1] + " needs its mean too (mean(" + sm[1]
                                + ") == ...): the statistic is E[(" + sm[1] + " - mean)^2] == std^2");
                continue;
            }
            Moment m = moments.get(line);
            moments.set(line, new Moment(m.kind(), m.text(), mean));
        }
        List<ExprNode> all = new ArrayList<>(expressions);
        all.addAll(targets);
        body.add(new ListNode(all.toArray(new ExprNode[0])));
        ast.scope = fn.parent;
        FunctionRootNode root = new FunctionRootNode(
                ast.language, fn.frame.build(), new BlockNode(body.toArray(new ExprNode[0])), name, ast.section(c));
        ExprNode function = new FunctionNode(AstBuilder.signature(name, params), root.getCallTarget(), false);
        List<String> fields = params.size() == 1
                ? fieldsRead(c.declarationBody(), params.get(0).ID().getText())
                : null;
        return new WriteGlobalNode(
                name, true, ast.located(new ConstraintNode(name, List.copyOf(moments), function, fields), c));
    }

    /**
     * The fields the body reads from its parameter (sim.V, sim.t), so a simulation need record
     * only those; null when the parameter is also used whole.
     */
    private static List<String> fieldsRead(ParseTree tree, String param) {
        Set<String> out = new LinkedHashSet<>();
        ArrayDeque<ParseTree> todo = new ArrayDeque<>(List.of(tree));
        while (!todo.isEmpty()) {
            ParseTree t = todo.pop();
            if (t instanceof NameExprContext n && n.getText().equals(param)) {
                if (!(n.getParent() instanceof FieldExprContext f && f.expression() == n)) return null;
                out.add(f.label().getText());
            }
            for (int i = 0; i < t.getChildCount(); i++) todo.push(t.getChild(i));
        }
        return List.copyOf(out);
    }
}
