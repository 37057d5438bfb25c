package soma.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.antlr.v4.runtime.ParserRuleContext;
import soma.flow.Layers;
import soma.flow.nodes.FlowFactoryNode;
import soma.flow.nodes.LayerItemNode;
import soma.flow.nodes.RepeatItemNode;
import soma.nodes.BlockNode;
import soma.nodes.ExprNode;
import soma.nodes.FunctionRootNode;
import soma.nodes.calls.FunctionNode;
import soma.nodes.literals.ConstantNode;
import soma.nodes.literals.ListNode;
import soma.nodes.variables.ParamNode;
import soma.nodes.variables.ReadLocalNodeGen;
import soma.nodes.variables.WriteGlobalNode;
import soma.nodes.variables.WriteLocalNodeGen;
import soma.parser.antlr.SomaParser.*;
import soma.runtime.Nil;
import soma.runtime.Signature;

/**
 * {@code flow} declarations: a dimension parameter, layer lines, {@code repeat k { ... }} and a
 * {@code support} map. The declaration becomes a constructor function; each layer line is checked
 * here (known kind, known options) and its option expressions are evaluated when a flow is built,
 * so they may use the declaration's parameters ({@code coupling(hidden: H)}).
 */
final class FlowBuilder {
    private final AstBuilder ast;

    FlowBuilder(AstBuilder ast) {
        this.ast = ast;
    }

    ExprNode flow(DeclarationContext c) {
        String name = c.ID().getText();
        List<ParameterContext> params =
                c.parameters() == null ? List.of() : c.parameters().parameter();
        Scope fn = new Scope(ast.scope, false);
        ast.scope = fn;
        List<ExprNode> body = new ArrayList<>();
        int[] slots = ast.bindParameters(fn, params, body);
        int dimSlot = -1;
        for (int i = 0; i < params.size(); i++) if (params.get(i).ID().getText().equals("dim")) dimSlot = slots[i];
        if (dimSlot < 0)
            ast.error(
                    c.ID().getSymbol(),
                    "a flow needs its dimension as a parameter: flow " + name + "(dim = 2) { ... }");
        List<ExprNode> items = new ArrayList<>();
        for (DeclarationItemContext item : c.declarationBody().declarationItem()) {
            switch (item) {
                case RepeatItemContext r -> items.add(repeat(r));
                case SupportItemContext s -> items.add(layer(s.expression(), true));
                case SymmetryItemContext s -> items.add(symmetry(s));
                case MixtureItemContext m ->
                    items.add(ast.located(
                            new LayerItemNode(
                                    "mixture", new String[] {"components"}, new ExprNode[] {ast.expr(m.expression())}),
                            m));
                case PlainItemContext p
                when p.statement() instanceof ExpressionStatementContext e -> items.add(layer(e.expression(), false));
                default ->
                    ast.error(
                            item,
                            "a flow holds layer lines (planar, scale, coupling(hidden: 16), ...), "
                                    + "'repeat k { ... }', 'support ...', 'mixture K' and 'symmetry (a, b) -> (-a, -b)'");
            }
        }
        ExprNode dim = dimSlot < 0 ? new ConstantNode(Nil.INSTANCE) : ReadLocalNodeGen.create(dimSlot, "dim");
        body.add(ast.located(new FlowFactoryNode(name, dim, items.toArray(new ExprNode[0])), c));
        ast.scope = fn.parent;
        FunctionRootNode root = new FunctionRootNode(
                ast.language, fn.frame.build(), new BlockNode(body.toArray(new ExprNode[0])), name, ast.section(c));
        return new WriteGlobalNode(
                name,
                true,
                ast.located(new FunctionNode(AstBuilder.signature(name, params), root.getCallTarget(), false), c));
    }

    /**
     * {@code symmetry (a, b, c, d) -> (a, -b, -c, d)}: a function of the flow's coordinates giving
     * their image; the flow reads it as a matrix when it is built (see FlowFactoryNode).
     */
    private ExprNode symmetry(SymmetryItemContext c) {
        Scope fn = new Scope(ast.scope, false);
        ast.scope = fn;
        List<ExprNode> statements = new ArrayList<>();
        String[] names = new String[c.ID().size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = c.ID(i).getText();
            for (int j = 0; j < i; j++)
                if (names[j].equals(names[i])) ast.error(c.ID(i).getSymbol(), "'" + names[i] + "' appears twice");
            statements.add(WriteLocalNodeGen.create(new ParamNode(i, null), fn.declare(names[i])));
        }
        if (c.expression().size() != names.length) {
            ast.error(
                    c,
                    "a symmetry maps all " + names.length + " coordinates: give " + names.length
                            + " images after '->', got " + c.expression().size());
        }
        List<ExprNode> images = new ArrayList<>();
        for (ExpressionContext e : c.expression()) images.add(ast.expr(e));
        statements.add(new ListNode(images.toArray(new ExprNode[0])));
        ast.scope = fn.parent;
        FunctionRootNode root = new FunctionRootNode(
                ast.language,
                fn.frame.build(),
                new BlockNode(statements.toArray(new ExprNode[0])),
                "symmetry",
                ast.section(c));
        ExprNode map = new FunctionNode(
                new Signature("symmetry", names, new boolean[names.length], false, false),
                root.getCallTarget(),
                fn.needsClosure);
        return ast.located(
                new LayerItemNode("symmetry", new String[] {"map"}, new ExprNode[] {ast.located(map, c)}), c);
    }

    private ExprNode repeat(RepeatItemContext r) {
        List<ExprNode> body = new ArrayList<>();
        for (StatementContext s : r.block().statement()) {
            if (s instanceof ExpressionStatementContext e) body.add(layer(e.expression(), false));
            else ast.error(s, "inside 'repeat' write layer lines (planar, scale, coupling(hidden: 16), ...)");
        }
        return ast.located(new RepeatItemNode(ast.expr(r.expression()), body.toArray(new ExprNode[0])), r);
    }

    /** A layer line: a bare kind ({@code planar}) or a call of one ({@code box(0, 20)}). */
    private ExprNode layer(ExpressionContext e, boolean support) {
        String kind;
        List<ArgumentContext> args = List.of();
        ParserRuleContext head;
        if (e instanceof NameExprContext n) {
            kind = n.getText();
            head = n;
        } else if (e instanceof CallExprContext call && call.expression() instanceof NameExprContext n) {
            kind = n.getText();
            head = n;
            if (call.arguments() != null) args = call.arguments().argument();
        } else {
            ast.error(e, "expected a layer: a name such as planar, or a call such as coupling(hidden: 16)");
            return new ConstantNode(List.of());
        }
        if (!Layers.KINDS.containsKey(kind)) {
            ast.error(
                    head,
                    "unknown flow layer '" + kind + "'; layers: " + String.join(", ", layerNames(false))
                            + "; supports: " + String.join(", ", layerNames(true)));
            return new ConstantNode(List.of());
        }
        if (support != Layers.SUPPORTS.contains(kind)) {
            ast.error(
                    head,
                    support
                            ? "'" + kind + "' is not a support map; write support box(lo, hi) or support positive"
                            : "'" + kind + "' is a support map: write it as 'support " + kind
                                    + "(...)', last in the flow");
            return new ConstantNode(List.of());
        }
        List<String> known = Layers.KINDS.get(kind);
        List<String> optionNames = new ArrayList<>();
        List<ExprNode> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            ArgumentContext a = args.get(i);
            String option = a.label() != null ? a.label().getText() : i < known.size() ? known.get(i) : null;
            if (option == null || !known.contains(option)) {
                ast.error(
                        a,
                        known.isEmpty()
                                ? "'" + kind + "' takes no options"
                                : "'" + kind + "' takes " + String.join(", ", known)
                                        + (option == null ? "" : "; not '" + option + "'"));
                continue;
            }
            if (optionNames.contains(option)) ast.error(a, "option '" + option + "' given twice");
            optionNames.add(option);
            values.add(ast.expr(a.expression()));
        }
        return ast.located(
                new LayerItemNode(kind, optionNames.toArray(new String[0]), values.toArray(new ExprNode[0])), e);
    }

    private static List<String> layerNames(boolean supports) {
        List<String> out = new ArrayList<>();
        for (String k : new TreeSet<>(Layers.KINDS.keySet())) if (Layers.SUPPORTS.contains(k) == supports) out.add(k);
        return out;
    }
}
