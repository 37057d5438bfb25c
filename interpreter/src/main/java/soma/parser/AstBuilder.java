package soma.parser;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import soma.SomaLanguage;
import soma.model.ir.Expr;
import soma.model.ir.SymbolicFunction;
import soma.nodes.BlockNode;
import soma.nodes.ExprNode;
import soma.nodes.FunctionRootNode;
import soma.nodes.ProgramRootNode;
import soma.nodes.access.FieldNode;
import soma.nodes.access.IndexNode;
import soma.nodes.access.SliceNode;
import soma.nodes.calls.CallNode;
import soma.nodes.calls.FunctionNode;
import soma.nodes.calls.MethodCallNode;
import soma.nodes.control.ForNode;
import soma.nodes.control.IfNode;
import soma.nodes.control.ImportNode;
import soma.nodes.control.JumpNode;
import soma.nodes.control.LogicNode;
import soma.nodes.control.WhileNode;
import soma.nodes.literals.ConstantNode;
import soma.nodes.literals.InterpolationNode;
import soma.nodes.literals.ListNode;
import soma.nodes.literals.NumberNode;
import soma.nodes.literals.RecordNode;
import soma.nodes.ops.BinaryNodeGen;
import soma.nodes.ops.NegateNodeGen;
import soma.nodes.ops.RangeNodeGen;
import soma.nodes.variables.ParamNode;
import soma.nodes.variables.ReadGlobalNode;
import soma.nodes.variables.ReadLocalNodeGen;
import soma.nodes.variables.ReadOuterNode;
import soma.nodes.variables.WriteGlobalNode;
import soma.nodes.variables.WriteLocalNodeGen;
import soma.nodes.variables.WriteOuterNode;
import soma.parser.antlr.SomaParser;
import soma.parser.antlr.SomaParser.*;
import soma.runtime.Nil;
import soma.runtime.Op;
import soma.runtime.Signature;

/**
 * Builds the Truffle AST from ANTLR's parse tree (the node factory). Names are resolved here:
 * locals to frame slots, captured variables to (depth, slot), the rest to globals. Every node
 * gets its source range, so errors and stack traces point into the script.
 */
final class AstBuilder {
    final SomaLanguage language;
    final Source source;
    final Diagnostics diagnostics;
    /** Added to token offsets: non-zero while building an interpolated expression of a string. */
    int offset;

    Scope scope;

    AstBuilder(SomaLanguage language, Source source, Diagnostics diagnostics) {
        this.language = language;
        this.source = source;
        this.diagnostics = diagnostics;
    }

    ProgramRootNode buildProgram(ProgramContext tree, boolean echo) {
        scope = new Scope(null, true);
        List<ExprNode> statements = new ArrayList<>();
        for (StatementContext s : tree.statement()) statements.add(statement(s));
        boolean endsWithExpression = !tree.statement().isEmpty()
                && tree.statement().get(tree.statement().size() - 1) instanceof ExpressionStatementContext;
        if (echo && !endsWithExpression) statements.add(new ConstantNode(Nil.INSTANCE));
        FrameDescriptor frame = scope.frame.build();
        SourceSection whole = source.createSection(0, source.getLength());
        return new ProgramRootNode(language, frame, new BlockNode(statements.toArray(new ExprNode[0])), whole, echo);
    }

    // ---------------------------------------------------------------- statements

    ExprNode statement(StatementContext ctx) {
        ExprNode node = switch (ctx) {
            case LetStatementContext c -> let(c);
            case FunctionStatementContext c -> functionStatement(c);
            case ReturnStatementContext c ->
                new JumpNode(JumpNode.Kind.RETURN, c.expression() == null ? null : expr(c.expression()));
            case BreakStatementContext c -> loopJump(c, JumpNode.Kind.BREAK);
            case ContinueStatementContext c -> loopJump(c, JumpNode.Kind.CONTINUE);
            case WhileStatementContext c -> whileLoop(c);
            case ForStatementContext c -> forLoop(c);
            case ImportStatementContext c -> new ImportNode(c.ID().getText());
            case DeclarationStatementContext c -> declaration(c.declaration());
            case AssignStatementContext c -> assignment(c);
            case ExpressionStatementContext c -> expr(c.expression());
            default -> throw new IllegalStateException("unknown statement " + ctx.getClass());
        };
        located(node, ctx).markStatement(); // a line the debugger can stop at
        return node;
    }

    private ExprNode let(LetStatementContext c) {
        String name = c.ID().getText();
        ExprNode value = expr(c.expression());
        if (scope.atGlobalLevel()) return new WriteGlobalNode(name, true, value);
        return WriteLocalNodeGen.create(value, scope.declare(name));
    }

    private ExprNode functionStatement(FunctionStatementContext c) {
        String name = c.ID().getText();
        if (scope.atGlobalLevel()) {
            return new WriteGlobalNode(name, true, function(name, c.parameters(), c.functionBody(), c));
        }
        int slot = scope.declare(name); // before the body, so the function can call itself
        return WriteLocalNodeGen.create(function(name, c.parameters(), c.functionBody(), c), slot);
    }

    private ExprNode loopJump(ParserRuleContext c, JumpNode.Kind kind) {
        if (scope.loops == 0) error(c, (kind == JumpNode.Kind.BREAK ? "break" : "continue") + " outside a loop");
        return new JumpNode(kind, null);
    }

    private ExprNode whileLoop(WhileStatementContext c) {
        ExprNode condition = expr(c.expression());
        scope.loops++;
        ExprNode body = block(c.block());
        scope.loops--;
        return new WhileNode(condition, body);
    }

    private ExprNode forLoop(ForStatementContext c) {
        ExprNode iterable = expr(c.expression());
        scope.pushBlock();
        int iterSlot = scope.hidden("iterable");
        int posSlot = scope.hidden("position");
        boolean indexed = c.ID().size() == 2;
        int indexSlot = indexed ? scope.declare(c.ID(0).getText()) : -1;
        int varSlot = scope.declare(c.ID(indexed ? 1 : 0).getText());
        scope.loops++;
        ExprNode body = block(c.block());
        scope.loops--;
        scope.popBlock();
        return new ForNode(iterable, iterSlot, posSlot, indexSlot, varSlot, body);
    }

    private ExprNode declaration(DeclarationContext c) {
        String kind = c.kind.getText();
        if (!scope.atGlobalLevel()) {
            error(c, "declare '" + c.ID().getText() + "' at the top level of a script, not inside a function or block");
            return new ConstantNode(Nil.INSTANCE);
        }
        if (kind.equals("ode") || kind.equals("network")) return new DeclarationBuilder(this).model(c);
        if (kind.equals("flow")) return new FlowBuilder(this).flow(c);
        if (kind.equals("constraint")) return new ConstraintBuilder(this).constraint(c);
        error(c.kind, "unknown declaration kind '" + kind + "'");
        return new ConstantNode(Nil.INSTANCE);
    }

    private ExprNode assignment(AssignStatementContext c) {
        ExprNode value = expr(c.value);
        String op = c.op.getText();
        if (!op.equals("=")) {
            Op binary = switch (op) {
                case "+=" -> Op.ADD;
                case "-=" -> Op.SUB;
                case "*=" -> Op.MUL;
                default -> Op.DIV;
            };
            value = located(BinaryNodeGen.create(expr(c.target), value, binary), c);
        }
        return switch (c.target) {
            case NameExprContext n -> assignName(n, value);
            case IndexExprContext i -> new IndexNode(expr(i.expression()), subscripts(i.subscript()), value);
            case FieldExprContext f ->
                new FieldNode(expr(f.expression()), f.label().getText(), value);
            default -> {
                error(c.target, "cannot assign to this expression (assign to a name, x[i] or x.field)");
                yield value;
            }
        };
    }

    private ExprNode assignName(NameExprContext n, ExprNode value) {
        String name = n.ID().getText();
        Scope.Resolved r = scope.resolve(name);
        if (r.isGlobal()) return new WriteGlobalNode(name, false, value);
        if (r.depth() == 0) return WriteLocalNodeGen.create(value, r.slot());
        return new WriteOuterNode(r.depth(), r.slot(), value);
    }

    /** A block in its own scope; its value is its last statement's. */
    private ExprNode block(BlockContext c) {
        scope.pushBlock();
        List<ExprNode> statements = new ArrayList<>();
        for (StatementContext s : c.statement()) statements.add(statement(s));
        scope.popBlock();
        return located(new BlockNode(statements.toArray(new ExprNode[0])), c);
    }

    private ExprNode function(
            String name, ParametersContext params, FunctionBodyContext body, ParserRuleContext whole) {
        Scope fn = new Scope(scope, false);
        scope = fn;
        List<ParameterContext> ps = params == null ? List.of() : params.parameter();
        String[] names = new String[ps.size()];
        boolean[] hasDefault = new boolean[ps.size()];
        List<ExprNode> statements = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            ParameterContext p = ps.get(i);
            names[i] = p.ID().getText();
            for (int j = 0; j < i; j++) {
                if (names[j].equals(names[i])) error(p, "parameter '" + names[i] + "' appears twice");
            }
            hasDefault[i] = p.expression() != null;
            ExprNode defaultValue = hasDefault[i] ? expr(p.expression()) : null;
            statements.add(WriteLocalNodeGen.create(new ParamNode(i, defaultValue), fn.declare(names[i])));
        }
        if (body.expression() != null) {
            statements.add(expr(body.expression()));
        } else {
            for (StatementContext s : body.block().statement()) statements.add(statement(s));
        }
        scope = fn.parent;
        FunctionRootNode root = new FunctionRootNode(
                language, fn.frame.build(), new BlockNode(statements.toArray(new ExprNode[0])), name, section(whole));
        Signature signature = new Signature(name, names, hasDefault, false, false);
        // an expression body of a closure-free function can be inlined into model equations
        SymbolicFunction symbolic = null;
        if (body.expression() != null && !fn.needsClosure) {
            Expr form = new IrBuilder(offset).tryBuild(body.expression());
            if (form != null) symbolic = new SymbolicFunction(name, List.of(names), form);
        }
        return located(new FunctionNode(signature, root.getCallTarget(), fn.needsClosure, symbolic), whole);
    }

    // ---------------------------------------------------------------- expressions

    ExprNode expr(ExpressionContext ctx) {
        ExprNode node = switch (ctx) {
            case NumberExprContext c -> new NumberNode(number(c.NUMBER().getSymbol()));
            case StringExprContext c -> string(c.STRING().getSymbol());
            case BoolExprContext c -> new ConstantNode(c.getText().equals("true"));
            case NilExprContext c -> new ConstantNode(Nil.INSTANCE);
            case NameExprContext c -> readName(c.ID().getText());
            case ParenExprContext c -> expr(c.expression());
            case ListExprContext c -> new ListNode(exprs(c.expression()));
            case RecordExprContext c -> record(c);
            case CallExprContext c -> call(c);
            case IndexExprContext c -> new IndexNode(expr(c.expression()), subscripts(c.subscript()), null);
            case FieldExprContext c ->
                new FieldNode(expr(c.expression()), c.label().getText(), null);
            case PowerExprContext c -> binary(c.expression(0), c.expression(1), Op.POW);
            case UnaryExprContext c ->
                c.op.getText().equals("-") ? NegateNodeGen.create(expr(c.expression())) : expr(c.expression());
            case MulExprContext c ->
                binary(
                        c.expression(0),
                        c.expression(1),
                        switch (c.op.getText()) {
                            case "*" -> Op.MUL;
                            case "/" -> Op.DIV;
                            case "%" -> Op.MOD;
                            default -> Op.MATMUL;
                        });
            case AddExprContext c ->
                binary(c.expression(0), c.expression(1), c.op.getText().equals("+") ? Op.ADD : Op.SUB);
            case RangeExprContext c -> RangeNodeGen.create(expr(c.expression(0)), expr(c.expression(1)));
            case CompareExprContext c ->
                binary(
                        c.expression(0),
                        c.expression(1),
                        switch (c.op.getText()) {
                            case "<" -> Op.LT;
                            case "<=" -> Op.LE;
                            case ">" -> Op.GT;
                            case ">=" -> Op.GE;
                            case "==" -> Op.EQ;
                            default -> Op.NE;
                        });
            case NotExprContext c -> new LogicNode(LogicNode.Kind.NOT, expr(c.expression()), null);
            case AndExprContext c -> new LogicNode(LogicNode.Kind.AND, expr(c.expression(0)), expr(c.expression(1)));
            case OrExprContext c -> new LogicNode(LogicNode.Kind.OR, expr(c.expression(0)), expr(c.expression(1)));
            case IfExprContext c ->
                new IfNode(
                        expr(c.expression(0)),
                        block(c.block(0)),
                        c.elseBlock != null ? block(c.elseBlock) : c.ifElse != null ? expr(c.ifElse) : null);
            case LambdaExprContext c -> function("<lambda>", c.parameters(), c.functionBody(), c);
            default -> throw new IllegalStateException("unknown expression " + ctx.getClass());
        };
        return located(node, ctx);
    }

    private ExprNode[] exprs(List<ExpressionContext> list) {
        ExprNode[] nodes = new ExprNode[list.size()];
        for (int i = 0; i < nodes.length; i++) nodes[i] = expr(list.get(i));
        return nodes;
    }

    private ExprNode binary(ExpressionContext left, ExpressionContext right, Op op) {
        return BinaryNodeGen.create(expr(left), expr(right), op);
    }

    private ExprNode readName(String name) {
        Scope.Resolved r = scope.resolve(name);
        if (r.isGlobal()) return new ReadGlobalNode(name);
        if (r.depth() == 0) return ReadLocalNodeGen.create(r.slot(), name);
        return new ReadOuterNode(r.depth(), r.slot(), name);
    }

    private ExprNode record(RecordExprContext c) {
        List<FieldContext> fields = c.field();
        String[] names = new String[fields.size()];
        ExprNode[] values = new ExprNode[fields.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = fields.get(i).label().getText();
            for (int j = 0; j < i; j++) {
                if (names[j].equals(names[i])) error(fields.get(i), "field '" + names[i] + "' appears twice");
            }
            values[i] = expr(fields.get(i).expression());
        }
        return new RecordNode(names, values);
    }

    private ExprNode call(CallExprContext c) {
        List<ArgumentContext> args =
                c.arguments() == null ? List.of() : c.arguments().argument();
        ExprNode[] values = new ExprNode[args.size()];
        String[] names = null;
        boolean seenNamed = false;
        for (int i = 0; i < values.length; i++) {
            ArgumentContext a = args.get(i);
            values[i] = expr(a.expression());
            if (a.label() != null) {
                if (names == null) names = new String[values.length];
                names[i] = a.label().getText();
                seenNamed = true;
            } else if (seenNamed) {
                error(a, "a positional argument cannot follow named arguments");
            }
        }
        if (c.expression() instanceof FieldExprContext f) {
            return new MethodCallNode(expr(f.expression()), f.label().getText(), values, names);
        }
        return new CallNode(expr(c.expression()), values, names);
    }

    private ExprNode[] subscripts(List<SubscriptContext> list) {
        ExprNode[] keys = new ExprNode[list.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = switch (list.get(i)) {
                case IndexSubscriptContext s -> expr(s.expression());
                case SliceSubscriptContext s ->
                    located(
                            new SliceNode(
                                    s.lo == null ? null : expr(s.lo),
                                    s.hi == null ? null : expr(s.hi),
                                    s.step == null ? null : expr(s.step)),
                            s);
                default -> throw new IllegalStateException();
            };
        }
        return keys;
    }

    private double number(Token t) {
        return Double.parseDouble(t.getText().replace("_", ""));
    }

    /** A string literal: escapes resolved, {expr} parts parsed as expressions at their own offsets. */
    private ExprNode string(Token t) {
        String raw = t.getText();
        int base = offset + t.getStartIndex() + 1;
        List<ExprNode> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 1;
        int end = raw.length() - 1;
        while (i < end) {
            char ch = raw.charAt(i);
            if (ch == '\\' && i + 1 < end) {
                char e = raw.charAt(i + 1);
                switch (e) {
                    case 'n' -> text.append('\n');
                    case 't' -> text.append('\t');
                    case 'r' -> text.append('\r');
                    case '"', '\\', '{', '}' -> text.append(e);
                    default -> diagnostics.error(base + i - 1, 2, "unknown escape '\\" + e + "' in string");
                }
                i += 2;
            } else if (ch == '{') {
                int close = matchingBrace(raw, i, end);
                if (close < 0) {
                    diagnostics.error(base + i - 1, 1, "'{' in string is not closed (write \\{ for a literal brace)");
                    break;
                }
                if (text.length() > 0) parts.add(new ConstantNode(text.toString()));
                text.setLength(0);
                parts.add(interpolated(raw.substring(i + 1, close), base + i));
                i = close + 1;
            } else {
                text.append(ch);
                i++;
            }
        }
        if (parts.isEmpty()) return new ConstantNode(text.toString());
        if (text.length() > 0) parts.add(new ConstantNode(text.toString()));
        return new InterpolationNode(parts.toArray(new ExprNode[0]));
    }

    private static int matchingBrace(String raw, int open, int end) {
        int depth = 0;
        for (int j = open; j < end; j++) {
            char ch = raw.charAt(j);
            if (ch == '{') depth++;
            if (ch == '}' && --depth == 0) return j;
        }
        return -1;
    }

    private ExprNode interpolated(String code, int absoluteStart) {
        if (code.isBlank()) {
            diagnostics.error(absoluteStart - 1, 2, "empty {} in string");
            return new ConstantNode("");
        }
        SomaParser parser = Parsing.parser(code, diagnostics, absoluteStart);
        StandaloneExpressionContext tree = parser.standaloneExpression();
        if (diagnostics.hasErrors()) return new ConstantNode("");
        int saved = offset;
        offset = absoluteStart;
        try {
            return expr(tree.expression());
        } finally {
            offset = saved;
        }
    }

    // ---------------------------------------------------------------- helpers

    <T extends ExprNode> T located(T node, ParserRuleContext ctx) {
        if (node.sourceStart() < 0) {
            int start = offset + ctx.getStart().getStartIndex();
            Token stop = ctx.getStop() != null ? ctx.getStop() : ctx.getStart();
            int end = offset + stop.getStopIndex() + 1;
            node.setSourceRange(start, Math.max(0, end - start));
        }
        return node;
    }

    SourceSection section(ParserRuleContext ctx) {
        int start = offset + ctx.getStart().getStartIndex();
        int end = offset + (ctx.getStop() != null ? ctx.getStop() : ctx.getStart()).getStopIndex() + 1;
        return source.createSection(start, Math.max(0, end - start));
    }

    /**
     * The parameters of a declaration's generated function: each declared in {@code fn}, bound
     * from the call's arguments (or its default) by a statement added to {@code body}. Returns the slots.
     */
    int[] bindParameters(Scope fn, List<ParameterContext> params, List<ExprNode> body) {
        int[] slots = new int[params.size()];
        for (int i = 0; i < slots.length; i++) {
            ParameterContext p = params.get(i);
            ExprNode defaultValue = p.expression() == null ? null : expr(p.expression());
            slots[i] = fn.declare(p.ID().getText());
            body.add(WriteLocalNodeGen.create(new ParamNode(i, defaultValue), slots[i]));
        }
        return slots;
    }

    /** The signature of a declaration's generated function. */
    static Signature signature(String name, List<ParameterContext> params) {
        String[] names = new String[params.size()];
        boolean[] hasDefault = new boolean[params.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = params.get(i).ID().getText();
            hasDefault[i] = params.get(i).expression() != null;
        }
        return new Signature(name, names, hasDefault, false, false);
    }

    /** The source text of a parse-tree node, as written. */
    String text(ParserRuleContext ctx) {
        return ctx.getStart()
                .getInputStream()
                .getText(Interval.of(
                        ctx.getStart().getStartIndex(),
                        (ctx.getStop() != null ? ctx.getStop() : ctx.getStart()).getStopIndex()));
    }

    void error(ParserRuleContext ctx, String message) {
        int start = offset + ctx.getStart().getStartIndex();
        int end = offset + (ctx.getStop() != null ? ctx.getStop() : ctx.getStart()).getStopIndex() + 1;
        diagnostics.error(start, end - start, message);
    }

    void error(Token t, String message) {
        diagnostics.error(offset + t.getStartIndex(), t.getStopIndex() - t.getStartIndex() + 1, message);
    }
}
