package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import java.util.Collection;
import soma.tensor.Tensor;

/** Field access on records and on values with fields. */
public final class Fields {
    private Fields() {}

    /** The field, or null when there is none (no error: method calls fall back to functions). */
    @TruffleBoundary
    public static Object lookup(Object target, String name) {
        if (target instanceof SomaRecord r) return r.get(name);
        if (target instanceof HasFields h) return h.field(name);
        if (target instanceof Tensor t) return TensorValues.field(t, name);
        return null;
    }

    @TruffleBoundary
    public static Object read(Object target, String name) {
        Object v = lookup(target, name);
        if (v != null) return v;
        if (target instanceof SomaRecord r) {
            throw new SomaError("record has no field '" + name + "'" + known(r.fields.keySet()));
        }
        if (target instanceof HasFields h) {
            throw new SomaError(
                    "a " + Printer.typeName(target) + " has no field '" + name + "'" + known(h.fieldNames()));
        }
        if (target instanceof Tensor) {
            throw new SomaError(
                    "a " + Printer.typeName(target) + " has no field '" + name + "'" + known(TensorValues.FIELDS));
        }
        throw new SomaError("a " + Printer.typeName(target) + " has no fields (tried '." + name + "')");
    }

    @TruffleBoundary
    public static void write(Object target, String name, Object value) {
        if (target instanceof SomaRecord r) {
            r.put(name, value);
            return;
        }
        throw new SomaError("cannot set field '" + name + "' of a " + Printer.typeName(target));
    }

    private static String known(Collection<String> names) {
        return names.isEmpty() ? "" : " (fields: " + String.join(", ", names) + ")";
    }
}
