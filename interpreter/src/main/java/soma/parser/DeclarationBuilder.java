package soma.parser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import soma.model.Declaration;
import soma.model.ModelFactoryNode;
import soma.model.ir.Expr;
import soma.nodes.BlockNode;
import soma.nodes.ExprNode;
import soma.nodes.FunctionRootNode;
import soma.nodes.calls.FunctionNode;
import soma.nodes.literals.ConstantNode;
import soma.nodes.literals.RecordNode;
import soma.nodes.variables.ReadLocalNodeGen;
import soma.nodes.variables.WriteGlobalNode;
import soma.nodes.variables.WriteLocalNodeGen;
import soma.parser.antlr.SomaParser.*;
import soma.runtime.Nil;
import soma.runtime.Signature;

/**
 * {@code ode} and {@code network} declarations. The body is split the way Brian2 splits model
 * equations: definitions that depend (directly or through other definitions) on the state or on
 * {@code t} are dynamic and become symbolic expressions compiled into the integrator; all other
 * definitions (W = randn(N, N) ...) are static and evaluated once per instance by a generated
 * setup function, together with parameter defaults and the states' sizes and initial values.
 */
final class DeclarationBuilder {
    private final AstBuilder ast;
    private final IrBuilder ir;

    private record Def(String name, ExpressionContext value, ParserRuleContext whole) {}

    private record Eq(String state, ExpressionContext index, ExpressionContext value, ParserRuleContext whole) {}

    DeclarationBuilder(AstBuilder ast) {
        this.ast = ast;
        this.ir = new IrBuilder(ast.diagnostics, ast.offset);
    }

    ExprNode model(DeclarationContext c) {
        String name = c.ID().getText();
        Declaration.Kind kind = c.kind.getText().equals("ode") ? Declaration.Kind.ODE : Declaration.Kind.NETWORK;
        List<ParameterContext> params = c.parameters() == null ? List.of() : c.parameters().parameter();
        Set<String> taken = new HashSet<>();
        List<String> paramNames = new ArrayList<>();
        for (ParameterContext p : params) {
            String n = p.ID().getText();
            if (!taken.add(n)) ast.error(p, "parameter '" + n + "' appears twice");
            paramNames.add(n);
        }
        Map<String, StateVarContext> stateVars = new LinkedHashMap<>();
        Set<String> inputs = new HashSet<>();
        Map<String, Def> defs = new LinkedHashMap<>();
        List<Eq> eqs = new ArrayList<>();
        for (DeclarationItemContext item : c.declarationBody().declarationItem()) {
            switch (item) {
                case StateItemContext s -> s.stateVar().forEach(v -> addState(v, false, stateVars, inputs, taken));
                case InputItemContext s -> s.stateVar().forEach(v -> addState(v, true, stateVars, inputs, taken));
                case RepeatItemContext r -> ast.error(r, "'repeat' belongs in flow declarations");
                case SupportItemContext r -> ast.error(r, "'support' belongs in flow declarations");
                case SymmetryItemContext r -> ast.error(r, "'symmetry' belongs in flow declarations");
                case MixtureItemContext r -> ast.error(r, "'mixture' belongs in flow declarations");
                case PlainItemContext p -> plainItem(p.statement(), defs, eqs, taken);
                default -> ast.error(item, "unexpected item in a model");
            }
        }
        checkEquations(name, stateVars, inputs, eqs);
        List<String> order = dependencyOrder(defs, stateVars.keySet());
        Set<String> dynamic = new HashSet<>(stateVars.keySet());
        dynamic.add("t");
        List<Declaration.Definition> dynamicDefs = new ArrayList<>();
        List<String> statics = new ArrayList<>();
        for (String d : order) {
            Set<String> uses = names(defs.get(d).value());
            uses.retainAll(dynamic);
            if (!uses.isEmpty()) dynamic.add(d);
        }
        ir.hoisting(ctx -> hoist(ctx, dynamic, defs));
        for (String d : order) {
            Def def = defs.get(d);
            if (dynamic.contains(d)) {
                dynamicDefs.add(new Declaration.Definition(d, ir.build(def.value()), ir.span(def.whole())));
            } else {
                statics.add(d);
            }
        }
        List<Declaration.Equation> equations = new ArrayList<>();
        for (Eq e : eqs) {
            equations.add(new Declaration.Equation(e.state(), e.index() == null ? null : ir.build(e.index()), ir.build(e.value()), ir.span(e.whole())));
        }
        List<Declaration.StateSpec> states = new ArrayList<>();
        for (var e : stateVars.entrySet()) {
            states.add(new Declaration.StateSpec(e.getKey(), inputs.contains(e.getKey()), e.getValue().expression().size() > 0
                    && e.getValue().LBRACK() != null, ir.span(e.getValue())));
        }
        statics.addAll(hoisted);
        var setup = setupFunction(name, params, statics, defs, stateVars, c);
        java.util.Map<String, Expr> staticForms = new java.util.HashMap<>();
        java.util.Map<String, Set<String>> staticUses = new java.util.HashMap<>();
        ir.hoisting(ctx -> null);
        for (String st : statics) {
            // a random draw has no derivative: such statics are constants of the instance, not formulas
            Expr form = randomCall(defs.get(st).value()) == null ? ir.tryBuild(defs.get(st).value()) : null;
            if (form != null) staticForms.put(st, form);
            staticUses.put(st, names(defs.get(st).value()));
        }
        java.util.Map<String, Set<String>> stateSetupUses = new java.util.HashMap<>();
        for (var e : stateVars.entrySet()) {
            Set<String> uses = names(e.getValue());
            stateSetupUses.put("$size_" + e.getKey(), uses);
            stateSetupUses.put("$init_" + e.getKey(), uses);
        }
        Declaration decl = new Declaration(kind, name, ast.source, paramNames, states, dynamicDefs, equations, statics, setup, staticForms,
                staticUses, stateSetupUses);
        Signature signature = AstBuilder.signature(name, params);
        ModelFactoryNode factory = new ModelFactoryNode(ast.language, decl);
        return new WriteGlobalNode(name, true, ast.located(new FunctionNode(signature, factory.getCallTarget(), false), c));
    }

    private final List<String> hoisted = new ArrayList<>();

    /**
     * A sub-expression of an equation that calls a function but does not depend on the state
     * ({@code (W - eye(N)) @ x}, {@code g / sqrt(N)}) is computed once per instance, like loop-invariant
     * code: it becomes a hidden static definition, and the equation reads its value.
     */
    private Expr hoist(ExpressionContext ctx, Set<String> dynamic, Map<String, Def> defs) {
        if (ctx instanceof NumberExprContext || ctx instanceof NameExprContext || ctx instanceof ParenExprContext) return null;
        if (!containsCall(ctx)) return null;
        Set<String> uses = names(ctx);
        uses.retainAll(dynamic);
        if (!uses.isEmpty()) return null;
        String random = randomCall(ctx);
        if (random != null) {
            ast.error(ctx, "'" + random + "' inside an equation would be drawn only once; draw it in a definition "
                    + "(noise = " + random + "(...)) if that is what you mean (stochastic equations are not supported yet)");
            return null;
        }
        String name = "$h" + hoisted.size();
        hoisted.add(name);
        defs.put(name, new Def(name, ctx, ctx));
        return new Expr.Name(name, ir.span(ctx));
    }

    private static final Set<String> RANDOM = Set.of("rand", "randn", "normal", "uniform", "choice", "permutation", "randint");

    private static boolean containsCall(ParseTree tree) {
        if (tree instanceof CallExprContext) return true;
        for (int i = 0; i < tree.getChildCount(); i++) if (containsCall(tree.getChild(i))) return true;
        return false;
    }

    private static String randomCall(ParseTree tree) {
        if (tree instanceof CallExprContext c && c.expression() instanceof NameExprContext n && RANDOM.contains(n.ID().getText())) return n.ID().getText();
        for (int i = 0; i < tree.getChildCount(); i++) {
            String r = randomCall(tree.getChild(i));
            if (r != null) return r;
        }
        return null;
    }

    private void addState(StateVarContext v, boolean input, Map<String, StateVarContext> states, Set<String> inputs, Set<String> taken) {
        String n = v.ID().getText();
        if (!taken.add(n)) ast.error(v, "'" + n + "' is already defined in this model");
        if (n.equals("t")) ast.error(v, "'t' is the time; choose another name for this variable");
        states.put(n, v);
        if (input) inputs.add(n);
    }

    private void plainItem(StatementContext s, Map<String, Def> defs, List<Eq> eqs, Set<String> taken) {
        switch (s) {
            case LetStatementContext l -> addDef(l.ID().getText(), l.expression(), l, defs, taken);
            case AssignStatementContext a when a.op.getText().equals("=") -> {
                if (a.target instanceof NameExprContext n) {
                    addDef(n.ID().getText(), a.value, a, defs, taken);
                    return;
                }
                Eq eq = equation(a);
                if (eq == null) ast.error(a.target, "expected a definition 'name = ...' or an equation 'dx/dt = ...'");
                else eqs.add(eq);
            }
            default -> ast.error(s, "a model body holds state and input variables, definitions 'name = ...' and equations 'dx/dt = ...'");
        }
    }

    private void addDef(String name, ExpressionContext value, ParserRuleContext whole, Map<String, Def> defs, Set<String> taken) {
        if (!taken.add(name)) ast.error(whole, "'" + name + "' is already defined in this model");
        defs.put(name, new Def(name, value, whole));
    }

    /** {@code dX/dt = e} or {@code dX[k]/dt = e}; null if the target has another form. */
    private static Eq equation(AssignStatementContext a) {
        if (!(a.target instanceof MulExprContext m) || !m.op.getText().equals("/")) return null;
        if (!(m.expression(1) instanceof NameExprContext dt) || !dt.ID().getText().equals("dt")) return null;
        ExpressionContext left = m.expression(0);
        ExpressionContext index = null;
        if (left instanceof IndexExprContext ix && ix.subscript().size() == 1 && ix.subscript(0) instanceof IndexSubscriptContext k) {
            index = k.expression();
            left = ix.expression();
        }
        if (!(left instanceof NameExprContext d) || !d.ID().getText().startsWith("d") || d.ID().getText().length() < 2) return null;
        return new Eq(d.ID().getText().substring(1), index, a.value, a);
    }

    private void checkEquations(String model, Map<String, StateVarContext> states, Set<String> inputs, List<Eq> eqs) {
        Set<String> covered = new HashSet<>();
        for (Eq e : eqs) {
            if (!states.containsKey(e.state())) {
                ast.error(((AssignStatementContext) e.whole()).target, "equation for '" + e.state() + "', which is not a state of "
                        + model + (states.isEmpty() ? "" : " (states: " + String.join(", ", states.keySet()) + ")"));
            } else if (inputs.contains(e.state())) {
                ast.error(((AssignStatementContext) e.whole()).target, "'" + e.state() + "' is an input; inputs have no equations");
            }
            covered.add(e.state());
        }
        for (var s : states.entrySet()) {
            if (!inputs.contains(s.getKey()) && !covered.contains(s.getKey())) {
                ast.error(s.getValue(), "state '" + s.getKey() + "' has no equation (add d" + s.getKey() + "/dt = ...)");
            }
        }
    }

    /** Definitions ordered so each comes after those it uses; a cycle is an error at its first member. */
    private List<String> dependencyOrder(Map<String, Def> defs, Set<String> states) {
        List<String> order = new ArrayList<>();
        Map<String, Integer> mark = new HashMap<>(); // 1 = in progress, 2 = done
        for (String d : defs.keySet()) visit(d, defs, mark, order, new ArrayList<>());
        return order;
    }

    private void visit(String d, Map<String, Def> defs, Map<String, Integer> mark, List<String> order, List<String> path) {
        Integer m = mark.get(d);
        if (m != null && m == 2) return;
        path.add(d);
        if (m != null) {
            List<String> cycle = path.subList(path.indexOf(d), path.size());
            ast.error(defs.get(d).whole(), "definitions depend on each other in a cycle: " + String.join(" -> ", cycle));
            path.remove(path.size() - 1);
            return;
        }
        mark.put(d, 1);
        for (String used : names(defs.get(d).value())) {
            if (defs.containsKey(used)) visit(used, defs, mark, order, path);
        }
        mark.put(d, 2);
        path.remove(path.size() - 1);
        order.add(d);
    }

    private static Set<String> names(ParseTree tree) {
        Set<String> out = new java.util.LinkedHashSet<>();
        collect(tree, out);
        return out;
    }

    private static void collect(ParseTree tree, Set<String> out) {
        if (tree instanceof NameExprContext n) out.add(n.ID().getText());
        for (int i = 0; i < tree.getChildCount(); i++) collect(tree.getChild(i), out);
    }

    /** (params...) -> {params, statics, $size_x, $init_x}: everything evaluated once per instance. */
    private com.oracle.truffle.api.RootCallTarget setupFunction(String model, List<ParameterContext> params, List<String> statics,
                                                               Map<String, Def> defs, Map<String, StateVarContext> states, DeclarationContext c) {
        Scope fn = new Scope(ast.scope, false);
        ast.scope = fn;
        List<ExprNode> body = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<ExprNode> values = new ArrayList<>();
        int[] slots = ast.bindParameters(fn, params, body);
        for (int i = 0; i < params.size(); i++) {
            names.add(params.get(i).ID().getText());
            values.add(ReadLocalNodeGen.create(slots[i], params.get(i).ID().getText()));
        }
        for (String s : statics) {
            Def d = defs.get(s);
            int slot = fn.declare(s);
            body.add(ast.located(WriteLocalNodeGen.create(ast.expr(d.value()), slot), d.whole()));
            names.add(s);
            values.add(ReadLocalNodeGen.create(slot, s));
        }
        for (var e : states.entrySet()) {
            StateVarContext v = e.getValue();
            ExpressionContext size = v.LBRACK() != null ? v.expression(0) : null;
            ExpressionContext init = v.expression().size() > (size == null ? 0 : 1) ? v.expression(v.expression().size() - 1) : null;
            names.add("$size_" + e.getKey());
            values.add(size == null ? new ConstantNode(Nil.INSTANCE) : ast.expr(size));
            names.add("$init_" + e.getKey());
            values.add(init == null ? new ConstantNode(Nil.INSTANCE) : ast.expr(init));
        }
        body.add(new RecordNode(names.toArray(new String[0]), values.toArray(new ExprNode[0])));
        ast.scope = fn.parent;
        FunctionRootNode root = new FunctionRootNode(ast.language, fn.frame.build(),
                new BlockNode(body.toArray(new ExprNode[0])), model, ast.section(c));
        return root.getCallTarget();
    }
}
