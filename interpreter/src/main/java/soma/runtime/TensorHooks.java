package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import soma.tensor.BinaryOp;
import soma.tensor.Elementwise;
import soma.tensor.Index;
import soma.tensor.Reduce;
import soma.tensor.Tensor;
import soma.tensor.TensorException;
import soma.tensor.TensorFields;

/**
 * Where the interpreter hands tensors to {@link soma.tensor}: operators, indexing, elementwise
 * math and reductions on tensors, and the conversions between Soma values and tensors (numbers,
 * bools, nested lists of numbers, lists of equally shaped tensors, ranges).
 */
public final class TensorHooks {
    private TensorHooks() {}

    public static boolean handles(Object o) {
        return o instanceof Tensor || o instanceof TensorLike || o instanceof Recorded;
    }

    /** A Soma value as a tensor, or a Soma error naming {@code what} and the value's kind. */
    @TruffleBoundary
    public static Tensor toTensor(Object o, String what) {
        return switch (o) {
            case Tensor t -> t;
            case TensorLike t -> t.asTensor();
            case Recorded t ->
                throw new SomaError(what + ": this operation cannot be differentiated by grad (yet); "
                        + "use arithmetic, @, indexing, sum, mean and elementwise math on the variable");
            case Double d -> Tensor.scalar(d);
            case Boolean b -> Tensor.bool(b);
            case Range r -> Tensor.arange(r.start, r.stop, r.step);
            case SomaList l -> fromList(l, what);
            default ->
                throw new SomaError(
                        what + " must be a tensor, number or list of numbers, got a " + Printer.typeName(o));
        };
    }

    private static Tensor fromList(SomaList l, String what) {
        boolean tensors = !l.items.isEmpty();
        for (Object item : l.items) tensors &= item instanceof Tensor || item instanceof SomaList;
        if (tensors && l.items.stream().anyMatch(x -> x instanceof Tensor)) {
            List<Tensor> parts = new ArrayList<>();
            for (Object item : l.items) parts.add(toTensor(item, what));
            return Tensor.stack(parts, 0);
        }
        try {
            return Tensor.fromNested(plain(l));
        } catch (TensorException e) {
            throw new SomaError(what + ": " + e.getMessage());
        }
    }

    /** Nested SomaLists as nested java Lists, which is what Tensor.fromNested reads. */
    private static Object plain(Object o) {
        if (o instanceof SomaList l) {
            List<Object> out = new ArrayList<>(l.items.size());
            for (Object item : l.items) out.add(plain(item));
            return out;
        }
        if (o instanceof Tensor t && t.rank() == 0 && !t.isComplex()) return t.scalarValue();
        if (o instanceof Double || o instanceof Boolean) return o;
        throw new SomaError("a tensor can hold only numbers, got a " + Printer.typeName(o));
    }

    @TruffleBoundary
    public static Object binary(Op op, Object a, Object b) {
        if (a instanceof String || b instanceof String) {
            throw new SomaError("cannot " + op.verb + " a " + Printer.typeName(a) + " and a " + Printer.typeName(b));
        }
        if (Recorded.in(a) instanceof Recorded r) a = r.stack(((SomaList) a).items);
        if (Recorded.in(b) instanceof Recorded r) b = r.stack(((SomaList) b).items);
        if (a instanceof Recorded r) return r.binary(op, a, b);
        if (b instanceof Recorded r) return r.binary(op, a, b);
        Tensor x = toTensor(a, "left operand of " + op.symbol);
        Tensor y = toTensor(b, "right operand of " + op.symbol);
        return TensorFields.unwrap(plainBinary(op, x, y));
    }

    /** The operator on two tensors, numpy-style. */
    public static Tensor plainBinary(Op op, Tensor x, Tensor y) {
        return switch (op) {
            case ADD -> x.add(y);
            case SUB -> x.sub(y);
            case MUL -> x.mul(y);
            case DIV -> x.div(y);
            case MOD -> x.mod(y);
            case POW -> x.pow(y);
            case MATMUL -> x.matmul(y);
            case LT -> x.lt(y);
            case LE -> x.le(y);
            case GT -> x.gt(y);
            case GE -> x.ge(y);
            case EQ -> x.eq(y);
            case NE -> x.ne(y);
        };
    }

    /** Logical and/or of masks (the {@code and}/{@code or} keywords stay for booleans). */
    @TruffleBoundary
    public static Object logical(BinaryOp op, Object a, Object b) {
        return TensorFields.unwrap(Elementwise.binary(op, toTensor(a, "mask"), toTensor(b, "mask")));
    }

    @TruffleBoundary
    public static Object index(Object target, Object[] keys) {
        if (target instanceof Recorded r) return r.index(indices(keys));
        return TensorFields.unwrap(toTensor(target, "indexed value").get(indices(keys)));
    }

    @TruffleBoundary
    public static void setIndex(Object target, Object[] keys, Object value) {
        toTensor(target, "indexed value").set(indices(keys), toTensor(value, "assigned value"));
    }

    private static Index[] indices(Object[] keys) {
        Index[] out = new Index[keys.length];
        for (int i = 0; i < keys.length; i++) out[i] = index(keys[i]);
        return out;
    }

    private static Index index(Object key) {
        return switch (key) {
            case Double d -> Index.at(Indexing.toInt(d, "index"));
            case Slice s when s.lo() == null && s.hi() == null && s.step() == null -> Index.all();
            case Slice s ->
                Index.slice(bound(s.lo(), "slice start"), bound(s.hi(), "slice end"), bound(s.step(), "slice step"));
            case Tensor t -> Index.of(t);
            case SomaList l -> Index.of(toTensor(l, "index list"));
            case Range r -> Index.take(Tensor.arange(r.start, r.stop, r.step));
            default ->
                throw new SomaError(
                        "a tensor index must be a number, slice, list or mask, got a " + Printer.typeName(key));
        };
    }

    private static Integer bound(Double d, String what) {
        return d == null ? null : Indexing.toInt(d, what);
    }

    /** A one-argument math builtin on a tensor: complex-aware where the function has a complex form. */
    @TruffleBoundary
    public static Object map(String name, DoubleUnaryOperator op, Object x) {
        if (x instanceof Recorded r) return r.map(name);
        Tensor t = toTensor(x, name);
        if (t.isComplex()) {
            Tensor r = switch (name) {
                case "exp" -> t.exp();
                case "log" -> t.log();
                case "sqrt" -> t.sqrt();
                case "abs" -> t.abs();
                case "sin" -> t.sin();
                case "cos" -> t.cos();
                case "tan" -> t.tan();
                case "tanh" -> t.tanh();
                default -> throw new SomaError(name + " is not defined for complex tensors");
            };
            return TensorFields.unwrap(r);
        }
        double[] in = t.realData();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) out[i] = op.applyAsDouble(in[i]);
        return TensorFields.unwrap(new Tensor(t.shape(), out));
    }

    /** sum/min/max/mean/... of a tensor, whole or along one axis (nil = whole). */
    @TruffleBoundary
    public static Object reduce(String name, Object x, Object axis) {
        boolean whole = axis == null || axis == Nil.INSTANCE;
        int ax = whole ? 0 : Indexing.toInt(expectNumber(axis, name), "axis");
        if (x instanceof Recorded r) return r.reduce(name, whole ? -1 : ax);
        Tensor t = toTensor(x, name);
        Tensor r = switch (name) {
            case "sum" -> whole ? t.sum() : t.sum(ax);
            case "mean" -> whole ? t.mean() : t.mean(ax);
            case "min" -> whole ? t.min() : t.min(ax);
            case "max" -> whole ? t.max() : t.max(ax);
            case "prod" -> whole ? t.prod() : t.prod(ax);
            case "argmin" -> whole ? t.argmin() : t.argmin(ax);
            case "argmax" -> whole ? t.argmax() : t.argmax(ax);
            case "any" -> whole ? t.any() : t.any(ax);
            case "all" -> whole ? t.all() : t.all(ax);
            case "cumsum" -> whole ? t.cumsum() : t.cumsum(ax);
            default -> throw new IllegalArgumentException(name);
        };
        return TensorFields.unwrap(r);
    }

    /** Variance and standard deviation with numpy's ddof (0: population, 1: sample). */
    @TruffleBoundary
    public static Object spread(String name, Object x, Object axis, int ddof) {
        Tensor t = toTensor(x, name);
        boolean whole = axis == null || axis == Nil.INSTANCE;
        boolean std = name.equals("std");
        Tensor r;
        if (whole) r = std ? Reduce.std(t, ddof) : Reduce.var(t, ddof);
        else {
            int ax = Indexing.toInt(expectNumber(axis, name), "axis");
            r = std ? Reduce.std(t, ax, ddof, false) : Reduce.var(t, ax, ddof, false);
        }
        return TensorFields.unwrap(r);
    }

    /** Two-argument elementwise min/max (numpy minimum/maximum). */
    @TruffleBoundary
    public static Object elementwise(String name, Object a, Object b) {
        Tensor x = toTensor(a, name);
        Tensor y = toTensor(b, name);
        return TensorFields.unwrap(name.equals("min") ? x.minimum(y) : x.maximum(y));
    }

    private static double expectNumber(Object o, String fn) {
        if (o instanceof Double d) return d;
        throw new SomaError(fn + ": axis must be a number, got a " + Printer.typeName(o));
    }
}
