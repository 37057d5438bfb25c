package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The slow, general path of every binary operator: strings, lists, tensors, mixed kinds. The
 * nodes handle double-double inline and come here for everything else. Errors are
 * {@link SomaError}s; the calling node gives them a location.
 */
public final class Operators {
    private Operators() {}

    @TruffleBoundary
    public static Object binary(Op op, Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) return numeric(op, x, y);
        if (TensorHooks.handles(a) || TensorHooks.handles(b)) return TensorHooks.binary(op, a, b);
        switch (op) {
            case ADD:
                if (a instanceof String s && b instanceof String t) return s + t;
                if (a instanceof SomaList l && b instanceof SomaList m) {
                    List<Object> items = new ArrayList<>(l.items);
                    items.addAll(m.items);
                    return new SomaList(items);
                }
                break;
            case MUL:
                if (a instanceof String s && b instanceof Double n) return s.repeat(count(n));
                if (a instanceof SomaList l && b instanceof Double n) {
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i < count(n); i++) items.addAll(l.items);
                    return new SomaList(items);
                }
                break;
            case EQ:
                return equal(a, b);
            case NE:
                return !equal(a, b);
            case LT, LE, GT, GE:
                if (a instanceof String s && b instanceof String t) return compare(op, s.compareTo(t));
                break;
            default:
                break;
        }
        throw new SomaError("cannot " + op.verb + " " + article(a) + " and " + article(b) + " (" + Printer.typeName(a)
                + " " + op.symbol + " " + Printer.typeName(b) + ")");
    }

    public static Object numeric(Op op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MOD -> mod(x, y);
            case POW -> Math.pow(x, y);
            case LT -> x < y;
            case LE -> x <= y;
            case GT -> x > y;
            case GE -> x >= y;
            case EQ -> x == y;
            case NE -> x != y;
            case MATMUL ->
                throw new SomaError("@ needs tensors (vectors or matrices), not two numbers; use * for numbers");
        };
    }

    /** Remainder with the sign of the divisor, as in Python and numpy. */
    public static double mod(double x, double y) {
        double r = x % y;
        return (r != 0 && (r < 0) != (y < 0)) ? r + y : r;
    }

    @TruffleBoundary
    public static boolean equal(Object a, Object b) {
        if (a instanceof SomaList l && b instanceof SomaList m) {
            if (l.items.size() != m.items.size()) return false;
            for (int i = 0; i < l.items.size(); i++) if (!equal(l.items.get(i), m.items.get(i))) return false;
            return true;
        }
        if (a instanceof SomaRecord r && b instanceof SomaRecord s) {
            if (!r.fields.keySet().equals(s.fields.keySet())) return false;
            for (Map.Entry<String, Object> e : r.fields.entrySet())
                if (!equal(e.getValue(), s.get(e.getKey()))) return false;
            return true;
        }
        return Objects.equals(a, b);
    }

    private static boolean compare(Op op, int c) {
        return switch (op) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    private static int count(double n) {
        if (n != Math.rint(n) || n < 0)
            throw new SomaError("repetition count must be a non-negative whole number, got " + Printer.number(n));
        return (int) n;
    }

    private static String article(Object o) {
        String t = Printer.typeName(o);
        return ("aeiou".indexOf(t.charAt(0)) >= 0 ? "an " : "a ") + t;
    }
}
