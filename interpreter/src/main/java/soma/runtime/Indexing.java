package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import java.util.ArrayList;
import java.util.List;

/** {@code x[i]}, {@code x[a:b]}, {@code x[i, j]} on lists, strings, records and tensors. */
public final class Indexing {
    private Indexing() {}

    @TruffleBoundary
    public static Object get(Object target, Object[] keys) {
        if (TensorHooks.handles(target)) return TensorHooks.index(target, keys);
        if ((target instanceof SomaRecord || target instanceof HasFields)
                && keys.length == 1
                && keys[0] instanceof String name) {
            return Fields.read(target, name);
        }
        if (keys.length != 1) {
            throw new SomaError("a " + Printer.typeName(target) + " takes one index, got " + keys.length);
        }
        Object key = keys[0];
        if (target instanceof SomaList l) {
            if (key instanceof Slice s) {
                int[] r = s.resolve(l.items.size());
                List<Object> out = new ArrayList<>(r[3]);
                for (int k = 0, i = r[0]; k < r[3]; k++, i += r[2]) out.add(l.items.get(i));
                return new SomaList(out);
            }
            return l.items.get(position(key, l.items.size()));
        }
        if (target instanceof String str) {
            if (key instanceof Slice s) {
                int[] r = s.resolve(str.length());
                StringBuilder sb = new StringBuilder();
                for (int k = 0, i = r[0]; k < r[3]; k++, i += r[2]) sb.append(str.charAt(i));
                return sb.toString();
            }
            return String.valueOf(str.charAt(position(key, str.length())));
        }
        if (target instanceof Range range && !(key instanceof Slice)) {
            return range.get(position(key, range.size()));
        }
        throw new SomaError("cannot index a " + Printer.typeName(target));
    }

    @TruffleBoundary
    public static void set(Object target, Object[] keys, Object value) {
        if (TensorHooks.handles(target)) {
            TensorHooks.setIndex(target, keys, value);
            return;
        }
        if (target instanceof SomaRecord r && keys.length == 1 && keys[0] instanceof String name) {
            r.put(name, value);
            return;
        }
        if (target instanceof SomaList l && keys.length == 1 && !(keys[0] instanceof Slice)) {
            l.items.set(position(keys[0], l.items.size()), value);
            return;
        }
        throw new SomaError("cannot assign to an element of a " + Printer.typeName(target)
                + (keys.length == 1 ? "" : " with " + keys.length + " indices"));
    }

    /** A checked position in [0, length), negative counting from the end. */
    public static int position(Object key, int length) {
        if (!(key instanceof Double d)) {
            throw new SomaError("an index must be a number, got a " + Printer.typeName(key));
        }
        int i = toInt(d, "index");
        int p = i < 0 ? i + length : i;
        if (p < 0 || p >= length) {
            throw new SomaError("index " + i + " out of range for length " + length);
        }
        return p;
    }

    public static int toInt(double d, String what) {
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new SomaError(what + " must be a whole number, got " + Printer.number(d));
        }
        return (int) d;
    }
}
