package soma.parser;

import com.oracle.truffle.api.RootCallTarget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import soma.builtins.Builtins;
import soma.model.Declaration;
import soma.model.ModelFactory;
import soma.model.ast.ModelFactoryNode;
import soma.model.ast.SetupResultNode;
import soma.model.ir.ModelSource;
import soma.model.passes.ModelAnalysis;
import soma.model.passes.Problem;
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
 * {@code ode} and {@code network} declarations. The parser's part: read the body into the model
 * IR ({@link ModelSource}), run the model passes over it ({@link ModelAnalysis}: static/dynamic
 * split, order, hoisting), report their problems, and turn what is evaluated once per instance
 * (parameter defaults, static definitions, states' sizes and initial values) into the setup
 * function, which the general interpreter runs.
 */
final class DeclarationBuilder {
    private final AstBuilder ast;
    private final IrBuilder ir;

    /** A definition as written; the value's parse tree is what setup evaluates if it is static. */
    private record Def(String name, ExpressionContext value, ParserRuleContext whole) {}

    DeclarationBuilder(AstBuilder ast) {
        this.ast = ast;
        this.ir = new IrBuilder(ast.offset);
    }

    ExprNode model(DeclarationContext c) {
        String name = c.ID().getText();
        Declaration.Kind kind = c.kind.getText().equals("ode") ? Declaration.Kind.ODE : Declaration.Kind.NETWORK;
        List<ParameterContext> params =
                c.parameters() == null ? List.of() : c.parameters().parameter();
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
        List<ModelSource.Equation> equations = new ArrayList<>();
        for (DeclarationItemContext item : c.declarationBody().declarationItem()) {
            switch (item) {
                case StateItemContext s -> s.stateVar().forEach(v -> addState(v, false, stateVars, inputs, taken));
                case InputItemContext s -> s.stateVar().forEach(v -> addState(v, true, stateVars, inputs, taken));
                case RepeatItemContext r -> ast.error(r, "'repeat' belongs in flow declarations");
                case SupportItemContext r -> ast.error(r, "'support' belongs in flow declarations");
                case SymmetryItemContext r -> ast.error(r, "'symmetry' belongs in flow declarations");
                case MixtureItemContext r -> ast.error(r, "'mixture' belongs in flow declarations");
                case PlainItemContext p -> plainItem(p.statement(), defs, equations, taken);
                default -> ast.error(item, "unexpected item in a model");
            }
        }
        List<ModelSource.State> states = new ArrayList<>();
        for (var e : stateVars.entrySet()) states.add(state(e.getKey(), inputs.contains(e.getKey()), e.getValue()));
        List<ModelSource.Definition> definitions = new ArrayList<>();
        for (Def d : defs.values())
            definitions.add(new ModelSource.Definition(d.name(), ir.build(d.value()), ir.span(d.whole())));
        ModelSource source = new ModelSource(name, paramNames, states, definitions, equations);

        ModelAnalysis.Result analysis = ModelAnalysis.run(source, Builtins.notStateless());
        for (Problem p : analysis.problems())
            ast.diagnostics.error(p.span().start(), p.span().length(), p.message());

        List<Declaration.StateSpec> specs = new ArrayList<>();
        for (ModelSource.State s : states) {
            specs.add(
                    new Declaration.StateSpec(s.name(), s.input(), s.indexed(), s.span(), ModelAnalysis.setupUses(s)));
        }
        RootCallTarget setup = setupFunction(name, params, analysis.statics(), defs, stateVars, c);
        List<Declaration.Static> statics =
                analysis.statics().stream().map(ModelAnalysis.Static::meaning).toList();
        Declaration decl = new Declaration(
                kind,
                name,
                ast.source,
                paramNames,
                specs,
                analysis.definitions(),
                analysis.equations(),
                statics,
                setup);
        Signature signature = AstBuilder.signature(name, params);
        ModelFactoryNode factory = new ModelFactoryNode(ast.language, new ModelFactory(decl));
        return new WriteGlobalNode(
                name, true, ast.located(new FunctionNode(signature, factory.getCallTarget(), false), c));
    }

    private void addState(
            StateVarContext v,
            boolean input,
            Map<String, StateVarContext> states,
            Set<String> inputs,
            Set<String> taken) {
        String n = v.ID().getText();
        if (!taken.add(n)) ast.error(v, "'" + n + "' is already defined in this model");
        if (n.equals("t")) ast.error(v, "'t' is the time; choose another name for this variable");
        states.put(n, v);
        if (input) inputs.add(n);
    }

    private ModelSource.State state(String name, boolean input, StateVarContext v) {
        ExpressionContext size = size(v);
        ExpressionContext init = init(v);
        return new ModelSource.State(
                name, input, size == null ? null : ir.build(size), init == null ? null : ir.build(init), ir.span(v));
    }

    /** {@code x[size]}, or null. */
    private static ExpressionContext size(StateVarContext v) {
        return v.LBRACK() != null && !v.expression().isEmpty() ? v.expression(0) : null;
    }

    /** {@code x = init}, or null. */
    private static ExpressionContext init(StateVarContext v) {
        int n = v.expression().size();
        return n > (size(v) == null ? 0 : 1) ? v.expression(n - 1) : null;
    }

    private void plainItem(
            StatementContext s, Map<String, Def> defs, List<ModelSource.Equation> equations, Set<String> taken) {
        switch (s) {
            case LetStatementContext l -> addDef(l.ID().getText(), l.expression(), l, defs, taken);
            case AssignStatementContext a
            when a.op.getText().equals("=") -> {
                if (a.target instanceof NameExprContext n) {
                    addDef(n.ID().getText(), a.value, a, defs, taken);
                    return;
                }
                ModelSource.Equation eq = equation(a);
                if (eq == null) ast.error(a.target, "expected a definition 'name = ...' or an equation 'dx/dt = ...'");
                else equations.add(eq);
            }
            default ->
                ast.error(
                        s,
                        "a model body holds state and input variables, definitions 'name = ...' and equations 'dx/dt = ...'");
        }
    }

    private void addDef(
            String name, ExpressionContext value, ParserRuleContext whole, Map<String, Def> defs, Set<String> taken) {
        if (!taken.add(name)) ast.error(whole, "'" + name + "' is already defined in this model");
        defs.put(name, new Def(name, value, whole));
    }

    /** {@code dX/dt = e} or {@code dX[k]/dt = e}; null if the target has another form. */
    private ModelSource.Equation equation(AssignStatementContext a) {
        if (!(a.target instanceof MulExprContext m) || !m.op.getText().equals("/")) return null;
        if (!(m.expression(1) instanceof NameExprContext dt)
                || !dt.ID().getText().equals("dt")) return null;
        ExpressionContext left = m.expression(0);
        ExpressionContext index = null;
        if (left instanceof IndexExprContext ix
                && ix.subscript().size() == 1
                && ix.subscript(0) instanceof IndexSubscriptContext k) {
            index = k.expression();
            left = ix.expression();
        }
        if (!(left instanceof NameExprContext d)
                || !d.ID().getText().startsWith("d")
                || d.ID().getText().length() < 2) return null;
        return new ModelSource.Equation(
                d.ID().getText().substring(1),
                index == null ? null : ir.build(index),
                ir.build(a.value),
                ir.span(a),
                ir.span(a.target));
    }

    /** (params...) -> parameters, statics in order, and each state's size and initial value: everything evaluated once per instance. */
    private RootCallTarget setupFunction(
            String model,
            List<ParameterContext> params,
            List<ModelAnalysis.Static> statics,
            Map<String, Def> defs,
            Map<String, StateVarContext> states,
            DeclarationContext c) {
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
        for (ModelAnalysis.Static s : statics) {
            // a hoisted part of an equation is evaluated from the parse tree it was built from
            ExpressionContext value =
                    s.hidden() ? ir.origin(s.value()) : defs.get(s.name()).value();
            ParserRuleContext whole = s.hidden() ? value : defs.get(s.name()).whole();
            int slot = fn.declare(s.name());
            body.add(ast.located(WriteLocalNodeGen.create(ast.expr(value), slot), whole));
            names.add(s.name());
            values.add(ReadLocalNodeGen.create(slot, s.name()));
        }
        List<ExprNode> sizes = new ArrayList<>();
        List<ExprNode> inits = new ArrayList<>();
        for (StateVarContext v : states.values()) {
            sizes.add(size(v) == null ? new ConstantNode(Nil.INSTANCE) : ast.expr(size(v)));
            inits.add(init(v) == null ? new ConstantNode(Nil.INSTANCE) : ast.expr(init(v)));
        }
        RecordNode named = new RecordNode(names.toArray(new String[0]), values.toArray(new ExprNode[0]));
        body.add(new SetupResultNode(named, sizes.toArray(new ExprNode[0]), inits.toArray(new ExprNode[0])));
        ast.scope = fn.parent;
        FunctionRootNode root = new FunctionRootNode(
                ast.language, fn.frame.build(), new BlockNode(body.toArray(new ExprNode[0])), model, ast.section(c));
        return root.getCallTarget();
    }
}
