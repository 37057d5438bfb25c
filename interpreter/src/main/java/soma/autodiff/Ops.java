package soma.autodiff;

import java.util.ArrayList;
import java.util.List;
import soma.runtime.Op;
import soma.runtime.SomaError;
import soma.runtime.SomaList;
import soma.runtime.TensorHooks;
import soma.tensor.Index;
import soma.tensor.Tensor;
import soma.tensor.TensorFields;

/**
 * Tensor operations on tracked values, each with its vector-Jacobian product. Broadcasting is
 * undone on the way back by summing the gradient over the broadcast axes.
 */
public final class Ops {
    private Ops() {}

    static Tape tapeOf(Object a, Object b) {
        if (a instanceof Tracked t) return t.tape;
        if (b instanceof Tracked t) return t.tape;
        return null;
    }

    static Tensor valueOf(Object o) {
        return o instanceof Tracked t ? t.value : TensorHooks.toTensor(o, "operand");
    }

    private static void send(Object to, Tensor g) {
        if (to instanceof Tracked t) t.accumulate(unbroadcast(g, t.value.shape()));
    }

    /** Sums g over the axes that broadcasting added or stretched, back to shape. */
    static Tensor unbroadcast(Tensor g, int[] shape) {
        while (g.rank() > shape.length) g = g.sum(0);
        for (int ax = 0; ax < shape.length; ax++) {
            if (shape[ax] == 1 && g.shape()[ax] != 1) {
                int[] keep = g.shape();
                keep[ax] = 1;
                g = g.sum(ax).reshape(keep);
            }
        }
        return g;
    }

    public static Object binary(Op op, Object a, Object b) {
        Tape tape = tapeOf(a, b);
        Tensor x = valueOf(a);
        Tensor y = valueOf(b);
        return switch (op) {
            case ADD ->
                new Tracked(x.add(y), tape, g -> {
                    send(a, g);
                    send(b, g);
                });
            case SUB ->
                new Tracked(x.sub(y), tape, g -> {
                    send(a, g);
                    send(b, g.neg());
                });
            case MUL ->
                new Tracked(x.mul(y), tape, g -> {
                    send(a, g.mul(y));
                    send(b, g.mul(x));
                });
            case DIV ->
                new Tracked(x.div(y), tape, g -> {
                    send(a, g.div(y));
                    send(b, g.mul(x).div(y.mul(y)).neg());
                });
            case POW -> {
                Tensor out = x.pow(y);
                yield new Tracked(out, tape, g -> {
                    send(a, g.mul(y).mul(x.pow(y.sub(1.0))));
                    if (b instanceof Tracked) send(b, g.mul(out).mul(x.log()));
                });
            }
            case MATMUL -> matmul(a, b, x, y, tape);
            case MOD -> new Tracked(x.mod(y), tape, g -> send(a, g));
            default -> TensorFields.unwrap(TensorHooks.plainBinary(op, x, y)); // comparisons: not differentiable
        };
    }

    private static Tracked matmul(Object a, Object b, Tensor x, Tensor y, Tape tape) {
        Tensor out = x.matmul(y);
        return new Tracked(out, tape, g -> {
            // vectors are treated as rows on the left and columns on the right, as in numpy
            Tensor xm = x.rank() == 1 ? x.reshape(1, x.size()) : x;
            Tensor ym = y.rank() == 1 ? y.reshape(y.size(), 1) : y;
            Tensor gm = g.reshape(xm.shape()[0], ym.shape()[1]);
            if (a instanceof Tracked) send(a, gm.matmul(ym.transpose()).reshape(x.shape()));
            if (b instanceof Tracked) send(b, xm.transpose().matmul(gm).reshape(y.shape()));
        });
    }

    public static Object map(String name, Tracked t) {
        Tensor x = t.value;
        Tensor out = switch (name) {
            case "exp" -> x.exp();
            case "log" -> x.log();
            case "sqrt" -> x.sqrt();
            case "tanh" -> x.tanh();
            case "sin" -> x.sin();
            case "cos" -> x.cos();
            case "tan" -> x.tan();
            case "abs" -> x.abs();
            case "sigmoid" -> x.sigmoid();
            case "relu" -> x.relu();
            case "softplus" -> x.softplus();
            case "sinh" -> x.exp().sub(x.neg().exp()).mul(0.5);
            case "cosh" -> x.exp().add(x.neg().exp()).mul(0.5);
            default -> throw new SomaError(name + " cannot be differentiated by grad (yet)");
        };
        Tensor local = switch (name) {
            case "exp" -> out;
            case "log" -> x.pow(-1.0);
            case "sqrt" -> out.mul(2.0).pow(-1.0);
            case "tanh" -> Tensor.scalar(1).sub(out.mul(out));
            case "sin" -> x.cos();
            case "cos" -> x.sin().neg();
            case "tan" -> Tensor.scalar(1).add(out.mul(out));
            case "abs" -> x.sign();
            case "sigmoid" -> out.mul(Tensor.scalar(1).sub(out));
            case "relu" -> x.gt(0.0).withBool(false);
            case "softplus" -> x.sigmoid();
            case "sinh" -> x.exp().add(x.neg().exp()).mul(0.5);
            default -> x.exp().sub(x.neg().exp()).mul(0.5); // cosh' = sinh
        };
        return new Tracked(out, t.tape, g -> t.accumulate(g.mul(local)));
    }

    /** sum or mean, whole (axis < 0) or along one axis. */
    public static Object reduce(String name, Tracked t, int axis) {
        Tensor x = t.value;
        int[] shape = x.shape();
        boolean mean = name.equals("mean");
        if (!name.equals("sum") && !mean)
            throw new SomaError(name + " cannot be differentiated by grad (yet); use sum or mean");
        if (axis < 0) {
            Tensor out = mean ? x.mean() : x.sum();
            double scale = mean ? 1.0 / x.size() : 1.0;
            return new Tracked(out, t.tape, g -> t.accumulate(Tensor.full(g.scalarValue() * scale, shape)));
        }
        int ax = axis < 0 ? axis + shape.length : axis;
        Tensor out = mean ? x.mean(ax) : x.sum(ax);
        double scale = mean ? 1.0 / shape[ax] : 1.0;
        int[] kept = shape.clone();
        kept[ax] = 1;
        return new Tracked(
                out, t.tape, g -> t.accumulate(g.reshape(kept).mul(scale).add(Tensor.zeros(shape))));
    }

    public static Object index(Tracked t, Index[] idx) {
        Tensor out = t.value.get(idx);
        int[] shape = t.value.shape();
        return new Tracked(out, t.tape, g -> {
            Tensor full = Tensor.zeros(shape);
            full.set(idx, full.get(idx).add(g));
            t.accumulate(full);
        });
    }

    /** [a, b, c] of numbers and tracked values (all the same shape), as one tracked tensor with a new first axis. */
    public static Object stack(List<Object> items) {
        Tape tape = null;
        List<Tensor> values = new ArrayList<>();
        for (Object o : items) {
            if (o instanceof Tracked t) tape = t.tape;
            values.add(valueOf(o));
        }
        Tensor out = Tensor.stack(values, 0);
        return new Tracked(out, tape, g -> {
            for (int i = 0; i < items.size(); i++) send(items.get(i), g.get(Index.at(i)));
        });
    }

    public static boolean containsTracked(Object o) {
        return o instanceof SomaList l && l.items.stream().anyMatch(x -> x instanceof Tracked);
    }

    public static Object transpose(Tracked t) {
        return new Tracked(t.value.transpose(), t.tape, g -> t.accumulate(g.transpose()));
    }

    public static Object reshape(Tracked t, int[] shape) {
        int[] original = t.value.shape();
        return new Tracked(t.value.reshape(shape), t.tape, g -> t.accumulate(g.reshape(original)));
    }
}
