package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import java.math.BigDecimal;
import java.util.Map;

/** How values look when printed, interpolated into strings and echoed by the REPL. */
public final class Printer {
    private Printer() {}

    @TruffleBoundary
    public static String show(Object value) {
        return switch (value) {
            case Double d -> number(d);
            case Boolean b -> b.toString();
            case String s -> s;
            case SomaList l -> showList(l);
            case SomaRecord r -> showRecord(r);
            case SomaFunction f -> "<fn " + f.signature + ">";
            case Range r -> showRange(r);
            case Nil n -> "nil";
            case null -> "nil";
            default -> ValueKinds.show(value);
        };
    }

    /** Like {@link #show} but strings are quoted, as inside lists and records. */
    @TruffleBoundary
    public static String repr(Object value) {
        if (value instanceof String s) return quote(s);
        return show(value);
    }

    @TruffleBoundary
    public static String typeName(Object value) {
        return switch (value) {
            case Double d -> "num";
            case Boolean b -> "bool";
            case String s -> "str";
            case SomaList l -> "list";
            case SomaRecord r -> "record";
            case SomaFunction f -> "fn";
            case Range r -> "range";
            case Nil n -> "nil";
            case null -> "nil";
            default -> ValueKinds.typeName(value);
        };
    }

    /** The type as the REPL shows it next to an echoed value (tensors add shape and kind). */
    @TruffleBoundary
    public static String echoType(Object value) {
        return ValueKinds.echoType(value);
    }

    /** Shortest round-trip digits, written the way Python and numpy users expect (1e-05, 0.1, 42). */
    @TruffleBoundary
    public static String number(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return d == 0 && 1 / d < 0 ? "-0" : Long.toString((long) d);
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            String digits = exact.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
            return (d < 0 ? "-" : "") + mantissa + "e" + exp;
        }
        return exact.toPlainString();
    }

    private static String quote(String s) {
        return "\""
                + s.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\n", "\\n")
                        .replace("\t", "\\t") + "\"";
    }

    private static String showList(SomaList list) {
        StringBuilder sb = new StringBuilder("[");
        int n = list.items.size();
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(", ");
            if (n > 200 && i == 100) {
                sb.append("...");
                i = n - 100;
            }
            sb.append(repr(list.items.get(i)));
        }
        return sb.append(']').toString();
    }

    private static String showRecord(SomaRecord record) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : record.fields.entrySet()) {
            if (!first) sb.append(", ");
            first = false;
            sb.append(e.getKey()).append(": ").append(repr(e.getValue()));
        }
        return sb.append('}').toString();
    }

    private static String showRange(Range r) {
        String base = number(r.start) + ".." + number(r.stop);
        return r.step == 1 ? base : "range(" + number(r.start) + ", " + number(r.stop) + ", " + number(r.step) + ")";
    }
}
