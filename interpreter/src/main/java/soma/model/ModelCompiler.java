package soma.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import soma.model.ir.Expr;
import soma.model.ir.Names;
import soma.model.nodes.Elementwise;
import soma.model.nodes.Leaves;
import soma.model.nodes.MNode;
import soma.model.nodes.Materialized;
import soma.model.nodes.Rhs;
import soma.runtime.Cell;
import soma.runtime.Host;
import soma.runtime.MathFunctions;
import soma.runtime.Operators;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.tensor.Shape;
import soma.tensor.Tensor;
import soma.tensor.TensorException;

/**
 * Compiles a model instance's symbolic equations into {@link Rhs} nodes, checking shapes on the
 * way: every name is resolved (state, definition, time, parameter or static value of the
 * instance, global constant), every operation gets its result shape, and mismatches are errors
 * at the offending part of the declaration.
 */
public final class ModelCompiler {
    private final ModelInstance instance;
    private final Declaration d;
    private final InstanceValues values;
    private final Host context;
    private final Map<String, int[]> stateShape = new HashMap<>();
    private final Map<String, Integer> stateOffset = new HashMap<>();
    private final Map<String, Integer> defBuffer = new HashMap<>();
    private final Map<String, int[]> defShape = new HashMap<>();
    private final List<CompiledModel.ConstantSlot> constants = new ArrayList<>();
    private final Map<String, Integer> constantSlot = new HashMap<>();
    private final List<Integer> buffers = new ArrayList<>();
    /**
     * Every value-dependent decision of this compilation (sizes, folded constants, constant slots
     * and their shapes, resolved indices). The IR is fixed per declaration, so two compilations
     * with the same decisions produce equivalent nodes and can share one compiled integrator.
     */
    private final StringBuilder decisions = new StringBuilder();
    /** Names whose value differs between the samples of a batch; every other scalar is folded in as a constant. */
    private final Set<String> varying;

    private record C(MNode node, int[] shape) {
        boolean scalar() {
            return shape.length == 0;
        }

        int size() {
            return Shape.size(shape);
        }
    }

    private ModelCompiler(ModelInstance instance, Host context, Set<String> varying) {
        this(instance, context, varying, instance.values);
    }

    private ModelCompiler(ModelInstance instance, Host context, Set<String> varying, InstanceValues values) {
        this.varying = varying;
        this.instance = instance;
        this.d = instance.declaration;
        this.values = values;
        this.context = context;
    }

    public static CompiledModel compile(ModelInstance instance, Host context) {
        return compile(instance, context, Set.of(), instance.values);
    }

    /**
     * @param varying names (parameters, statics) that take different values in different samples
     * @param sample  the values of one sample of the batch: the other names are folded in with these
     *                values (not the instance's own, which a batch's parameters override)
     */
    public static CompiledModel compile(
            ModelInstance instance, Host context, Set<String> varying, InstanceValues sample) {
        return new ModelCompiler(instance, context, varying, sample).run(List.of());
    }

    /** Also computes extra expressions (e.g. the coefficients of a Jacobian), as outputs "$x0", "$x1", ... */
    public static CompiledModel compile(ModelInstance instance, Host context, List<Expr> extras) {
        return new ModelCompiler(instance, context, Set.of()).run(extras);
    }

    /**
     * Only the extra expressions and the definitions they use, no equations (Jacobian entries);
     * the last {@code into.length} extras are scalars written straight into {@code dy[into[k]]}
     * instead of into buffers, so the non-zero entries of a Jacobian land in the (row-major)
     * matrix itself, with no copy afterwards.
     */
    public static CompiledModel compileOnly(ModelInstance instance, Host context, List<Expr> extras, int[] into) {
        ModelCompiler c = new ModelCompiler(instance, context, Set.of());
        c.onlyExtras = true;
        c.into = into;
        return c.run(extras);
    }

    private boolean onlyExtras;
    /** Targets in dy of the trailing extras (see compileOnly); empty: every extra goes to a buffer. */
    private int[] into = new int[0];

    /** The dynamic definitions the expressions need, directly or through other definitions. */
    private Set<String> needed(List<Expr> extras) {
        Map<String, Expr> defs = new HashMap<>();
        for (Declaration.Definition def : d.definitions) defs.put(def.name(), def.value());
        Set<String> out = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>();
        for (Expr e : extras) todo.addAll(Names.of(e)); // "$x<k>" names are other extras
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (defs.containsKey(n) && out.add(n)) todo.addAll(Names.of(defs.get(n)));
        }
        return out;
    }

    private CompiledModel run(List<Expr> extras) {
        List<String> names = new ArrayList<>();
        int n = d.states.size();
        int[] offsets = new int[n];
        int[] sizes = new int[n];
        boolean[] indexed = new boolean[n];
        int offset = 0;
        for (int s = 0; s < n; s++) {
            Declaration.StateSpec spec = d.states.get(s);
            names.add(spec.name());
            sizes[s] = instance.size(spec.name(), values);
            decisions.append(spec.name()).append('[').append(sizes[s]).append("];");
            indexed[s] = spec.indexed();
            offsets[s] = offset;
            stateOffset.put(spec.name(), offset);
            stateShape.put(spec.name(), spec.indexed() ? new int[] {sizes[s]} : new int[0]);
            offset += sizes[s];
        }
        List<Rhs.Assign> defs = new ArrayList<>();
        List<CompiledModel.Output> outputs = new ArrayList<>();
        Set<String> needed = onlyExtras ? needed(extras) : null;
        for (Declaration.Definition def : d.definitions) {
            if (needed != null && !needed.contains(def.name())) continue;
            C value = compile(def.value());
            int slot = buffer(value.size());
            defBuffer.put(def.name(), slot);
            defShape.put(def.name(), value.shape());
            defs.add(new Rhs.Assign(value.node(), false, slot, 0, value.size()));
            outputs.add(new CompiledModel.Output(def.name(), slot, value.shape()));
        }
        List<Rhs.Assign> eqs = new ArrayList<>();
        int direct = extras.size() - into.length;
        for (int k = 0; k < extras.size(); k++) {
            C value = compile(extras.get(k));
            if (k >= direct) {
                if (!value.scalar())
                    throw new SomaError(
                            "internal: a matrix entry must be a scalar, got shape " + Shape.toString(value.shape()));
                eqs.add(new Rhs.Assign(value.node(), true, -1, into[k - direct], 1));
                continue;
            }
            int slot = buffer(value.size());
            defs.add(new Rhs.Assign(value.node(), false, slot, 0, value.size()));
            outputs.add(new CompiledModel.Output("$x" + k, slot, value.shape()));
            defBuffer.put("$x" + k, slot); // later extras may use earlier ones by name (shared subexpressions)
            defShape.put("$x" + k, value.shape());
        }
        Map<String, boolean[]> covered = new HashMap<>();
        if (!onlyExtras) for (Declaration.Equation eq : d.equations) eqs.add(equation(eq, covered));
        for (int s = 0; s < n && !onlyExtras; s++) {
            if (d.states.get(s).input()) continue;
            boolean[] c = covered.get(names.get(s));
            for (int i = 0; i < sizes[s]; i++) {
                if (c == null || !c[i]) {
                    throw Located.error(
                            d,
                            d.states.get(s).span(),
                            "state '" + names.get(s) + "' has no equation for element " + i + " (write d" + names.get(s)
                                    + "/dt = ... for the whole vector, or one per element)");
                }
            }
        }
        int[] bufferSizes = buffers.stream().mapToInt(Integer::intValue).toArray();
        Rhs rhs = new Rhs(defs.toArray(new Rhs.Assign[0]), eqs.toArray(new Rhs.Assign[0]));
        decisions
                .append("buffers")
                .append(buffers)
                .append(";extras")
                .append(extras.size())
                .append(";into")
                .append(Arrays.toString(into));
        return new CompiledModel(
                instance, rhs, names, offsets, sizes, indexed, bufferSizes, constants, outputs, decisions.toString());
    }

    private Rhs.Assign equation(Declaration.Equation eq, Map<String, boolean[]> covered) {
        int[] shape = stateShape.get(eq.state());
        int size = Math.max(1, Shape.size(shape));
        boolean[] c = covered.computeIfAbsent(eq.state(), k -> new boolean[size]);
        C value = compile(eq.value());
        int from = 0;
        int count = size;
        if (eq.index() != null) {
            if (shape.length == 0)
                throw Located.error(
                        d,
                        eq.span(),
                        "'" + eq.state() + "' is a scalar; write d" + eq.state() + "/dt without an index");
            from = constantIndex(eq.index(), size);
            count = 1;
            if (!value.scalar())
                throw Located.error(
                        d,
                        eq.value().span(),
                        "d" + eq.state() + "[" + from + "]/dt needs a scalar, got shape "
                                + Shape.toString(value.shape()));
        } else if (!value.scalar() && !Arrays.equals(value.shape(), shape)) {
            throw Located.error(
                    d,
                    eq.value().span(),
                    "d" + eq.state() + "/dt has shape " + Shape.toString(value.shape()) + " but '" + eq.state()
                            + "' has shape " + Shape.toString(shape));
        }
        for (int i = from; i < from + count; i++) {
            if (c[i])
                throw Located.error(
                        d, eq.span(), "a second equation for " + eq.state() + (shape.length == 0 ? "" : "[" + i + "]"));
            c[i] = true;
        }
        return new Rhs.Assign(value.node(), true, -1, stateOffset.get(eq.state()) + from, count);
    }

    private int buffer(int size) {
        buffers.add(Math.max(1, size));
        return buffers.size() - 1;
    }

    // ---------------------------------------------------------------- expressions

    private C compile(Expr e) {
        return switch (e) {
            case Expr.Num n -> new C(new Leaves.Num(n.value()), new int[0]);
            case Expr.Opaque o -> throw Located.error(d, o.at(), "not allowed in a model's equations: " + o.what());
            case Expr.Name n -> name(n);
            case Expr.Neg n -> {
                C x = compile(n.operand());
                yield new C(new Elementwise.Neg(x.node()), x.shape());
            }
            case Expr.Binary b -> binary(b);
            case Expr.Logic l -> logic(l);
            case Expr.Call c -> call(c);
            case Expr.Index i -> index(i);
            case Expr.ListOf l -> list(l);
            case Expr.If i -> {
                C c = compile(i.condition());
                C a = compile(i.then());
                C b = compile(i.otherwise());
                int[] shape = broadcast(broadcast(c, a, i.span()), b.shape(), i.span());
                yield new C(new Elementwise.Select(c.node(), a.node(), b.node()), shape);
            }
        };
    }

    private C name(Expr.Name n) {
        String name = n.name();
        if (stateShape.containsKey(name)) {
            int off = stateOffset.get(name);
            int[] shape = stateShape.get(name);
            return new C(shape.length == 0 ? new Leaves.StateScalar(off) : new Leaves.StateVector(off), shape);
        }
        if (defBuffer.containsKey(name)) {
            int[] shape = defShape.get(name);
            int slot = defBuffer.get(name);
            return new C(shape.length == 0 ? new Leaves.BufferScalar(slot) : new Leaves.BufferVector(slot), shape);
        }
        if (name.equals("t")) return new C(new Leaves.Time(), new int[0]);
        Object value = values.named().has(name) ? values.named().get(name) : null;
        boolean fixed = false;
        if (value == null) {
            Cell cell = context.globals().lookup(name);
            if (cell == null || cell.value == null) {
                throw Located.error(
                        d,
                        n.span(),
                        "unknown name '" + name + "' in " + d.name + " (not a state, parameter, definition or global)");
            }
            value = cell.value;
            fixed = true;
            if (value instanceof Double v) return folded(name, v);
        } else if (value instanceof Double v && !varying.contains(name)) {
            return folded(name, v); // the same in every sample: let Graal fold it
        }
        int[] shape = shapeOf(value, name, n.span());
        int slot = constantSlot.computeIfAbsent(name, k -> {
            constants.add(new CompiledModel.ConstantSlot(k, null));
            return constants.size() - 1;
        });
        if (fixed) constants.set(slot, new CompiledModel.ConstantSlot(name, flatten(value, name, instance)));
        decisions
                .append(name)
                .append("@")
                .append(slot)
                .append(Shape.toString(shape))
                .append(';');
        return new C(shape.length == 0 ? new Leaves.ConstScalar(slot) : new Leaves.ConstVector(slot), shape);
    }

    private C folded(String name, double v) {
        decisions.append(name).append('=').append(Double.doubleToRawLongBits(v)).append(';');
        return new C(new Leaves.Num(v), new int[0]);
    }

    private int[] shapeOf(Object value, String name, Expr.Span span) {
        if (value instanceof Double || value instanceof Boolean) return new int[0];
        if (value instanceof Tensor t && !t.isComplex()) return t.shape();
        throw Located.error(
                d,
                span,
                "'" + name + "' is a " + Printer.typeName(value) + "; equations can use numbers and real tensors");
    }

    static double[] flatten(Object value, String name, ModelInstance instance) {
        if (value instanceof Double v) return new double[] {v};
        if (value instanceof Boolean b) return new double[] {b ? 1 : 0};
        if (value instanceof Tensor t && !t.isComplex()) return t.realData();
        throw new SomaError(instance.declaration.name + ": '" + name + "' must be a number or a real tensor, got a "
                + Printer.typeName(value));
    }

    private C binary(Expr.Binary b) {
        C x = compile(b.left());
        C y = compile(b.right());
        switch (b.op()) {
            case MATMUL:
                return matmul(b, x, y);
            case POW:
                if (b.right() instanceof Expr.Num n && n.value() == Math.rint(n.value()) && Math.abs(n.value()) <= 8) {
                    return new C(new Elementwise.IntPow(x.node(), (int) n.value()), x.shape());
                }
                break;
            default:
                break;
        }
        Elementwise.Binary.Kind kind = Elementwise.Binary.Kind.valueOf(b.op().name());
        return new C(new Elementwise.Binary(kind, x.node(), y.node()), broadcast(x, y, b.span()));
    }

    private C matmul(Expr.Binary b, C x, C y) {
        if (x.shape().length == 2 && y.shape().length == 1) {
            if (x.shape()[1] != y.shape()[0]) {
                throw Located.error(
                        d,
                        b.span(),
                        "matmul: shape mismatch " + Shape.toString(x.shape()) + " @ " + Shape.toString(y.shape()));
            }
            if (!(x.node() instanceof Leaves.ConstVector)) {
                throw Located.error(
                        d,
                        b.left().span(),
                        "the matrix in 'W @ x' must be a parameter or static definition of the model");
            }
            int slot = constantSlot.get(((Expr.Name) b.left()).name());
            int rows = x.shape()[0];
            int cols = x.shape()[1];
            return new C(
                    new Materialized.MatVec(slot, rows, cols, y.node(), buffer(cols), buffer(rows)), new int[] {rows});
        }
        if (x.shape().length == 1 && y.shape().length == 1 && x.shape()[0] == y.shape()[0]) {
            MNode product = new Elementwise.Binary(Elementwise.Binary.Kind.MUL, x.node(), y.node());
            return new C(new Materialized.Sum(product, x.size(), false, buffer(1)), new int[0]);
        }
        throw Located.error(
                d,
                b.span(),
                "matmul in an equation needs matrix @ vector or vector @ vector, got " + Shape.toString(x.shape())
                        + " @ " + Shape.toString(y.shape()));
    }

    private int[] broadcast(C x, C y, Expr.Span span) {
        return broadcast(x.shape(), y.shape(), span);
    }

    private int[] broadcast(int[] a, int[] b, Expr.Span span) {
        if (a.length == 0) return b;
        if (b.length == 0 || Arrays.equals(a, b)) return a;
        throw Located.error(
                d,
                span,
                "shape mismatch: " + Shape.toString(a) + " and " + Shape.toString(b)
                        + " (in equations, combine same shapes or a shape with a scalar)");
    }

    private C logic(Expr.Logic l) {
        C x = compile(l.left());
        if (l.kind().equals("not")) return new C(new Elementwise.Not(x.node()), x.shape());
        C y = compile(l.right());
        Elementwise.Binary.Kind kind =
                l.kind().equals("and") ? Elementwise.Binary.Kind.AND : Elementwise.Binary.Kind.OR;
        return new C(new Elementwise.Binary(kind, x.node(), y.node()), broadcast(x, y, l.span()));
    }

    private static final Map<String, Elementwise.Binary.Kind> BINARY = Map.of(
            "min",
            Elementwise.Binary.Kind.MIN,
            "max",
            Elementwise.Binary.Kind.MAX,
            "atan2",
            Elementwise.Binary.Kind.ATAN2,
            "hypot",
            Elementwise.Binary.Kind.HYPOT,
            "pow",
            Elementwise.Binary.Kind.POW);

    private C call(Expr.Call c) {
        String f = c.function();
        List<Expr> args = c.args();
        MathFunctions.Entry unary = MathFunctions.ALL.get(f);
        if (unary != null && args.size() == 1) {
            C x = compile(args.get(0));
            return new C(new Elementwise.Unary(unary.op(), x.node()), x.shape());
        }
        if (BINARY.containsKey(f) && args.size() == 2) {
            C x = compile(args.get(0));
            C y = compile(args.get(1));
            return new C(new Elementwise.Binary(BINARY.get(f), x.node(), y.node()), broadcast(x, y, c.span()));
        }
        if ((f.equals("sum") || f.equals("mean")) && args.size() == 1) {
            C x = compile(args.get(0));
            return new C(new Materialized.Sum(x.node(), x.size(), f.equals("mean"), buffer(1)), new int[0]);
        }
        if (f.equals("clamp") && args.size() == 3) {
            C x = compile(args.get(0));
            C lo = compile(args.get(1));
            C hi = compile(args.get(2));
            MNode low = new Elementwise.Binary(Elementwise.Binary.Kind.MAX, x.node(), lo.node());
            return new C(
                    new Elementwise.Binary(Elementwise.Binary.Kind.MIN, low, hi.node()),
                    broadcast(broadcast(x, lo, c.span()), hi.shape(), c.span()));
        }
        throw Located.error(
                d,
                c.span(),
                "'" + f + "' with " + args.size() + " argument(s) cannot be used in an equation"
                        + " (math functions, min, max, atan2, hypot, pow, clamp, sum and mean can)");
    }

    private C index(Expr.Index i) {
        C x = compile(i.target());
        if (x.shape().length != 1) {
            throw Located.error(
                    d,
                    i.span(),
                    "only vectors can be indexed in equations, this has shape " + Shape.toString(x.shape()));
        }
        int k = constantIndex(i.key(), x.shape()[0]);
        return new C(new Materialized.Element(x.node(), k), new int[0]);
    }

    private C list(Expr.ListOf l) {
        MNode[] parts = new MNode[l.items().size()];
        for (int k = 0; k < parts.length; k++) {
            C p = compile(l.items().get(k));
            if (!p.scalar())
                throw Located.error(
                        d,
                        l.items().get(k).span(),
                        "a vector [a, b, ...] in an equation takes scalars, this has shape "
                                + Shape.toString(p.shape()));
            parts[k] = p.node();
        }
        return new C(new Materialized.Stack(parts, buffer(parts.length)), new int[] {parts.length});
    }

    /** An index known when the instance is created: a number, or arithmetic on parameters and statics. */
    private int constantIndex(Expr key, int size) {
        double v;
        try {
            v = constant(key);
        } catch (SomaError | TensorException e) {
            throw Located.error(
                    d,
                    key.span(),
                    "an index in an equation must be a constant (a number or a parameter): " + e.getMessage());
        }
        if (v != Math.rint(v))
            throw Located.error(d, key.span(), "index must be a whole number, got " + Printer.number(v));
        int k = (int) v;
        decisions.append('#').append(k).append(';');
        int p = k < 0 ? k + size : k;
        if (p < 0 || p >= size) throw Located.error(d, key.span(), "index " + k + " out of range for length " + size);
        return p;
    }

    private double constant(Expr e) {
        return switch (e) {
            case Expr.Num n -> n.value();
            case Expr.Neg n -> -constant(n.operand());
            case Expr.Name n when values.named().has(n.name()) && values.named().get(n.name()) instanceof Double v -> v;
            case Expr.Name n -> {
                Cell cell = context.globals().lookup(n.name());
                if (cell != null && cell.value instanceof Double v) yield v;
                throw new SomaError("'" + n.name() + "' is not a constant number");
            }
            case Expr.Binary b -> {
                Object r = Operators.numeric(b.op(), constant(b.left()), constant(b.right()));
                if (r instanceof Double v) yield v;
                throw new SomaError("not a number");
            }
            default -> throw new SomaError("not a constant expression");
        };
    }
}
