package soma.builtins;

import java.util.ArrayList;
import java.util.Map;
import soma.runtime.Missing;
import soma.runtime.Range;
import soma.runtime.SomaList;

/**
 * The compiled fast paths of max, min, clamp and len on plain numbers (abs, sign and floor are
 * elementwise math functions, already compiled by {@link MathRootNode}). Each gives what the
 * builtin's body gives, or null to let the body decide; frame arguments are {@code [closure, ...]}.
 */
final class ScalarFastPaths {
    private ScalarFastPaths() {}

    static final Map<String, ScalarRootNode.Fast> ALL = Map.of(
            "max",
            args -> extreme(args, true),
            "min",
            args -> extreme(args, false),
            "clamp",
            ScalarFastPaths::clamp,
            "len",
            ScalarFastPaths::len);

    /** max(x, y) / min(x, y) of two numbers, with the body's rule for NaN: it is skipped unless both are NaN. */
    @SuppressWarnings("unchecked")
    private static Object extreme(Object[] args, boolean max) {
        if (args[2] != Missing.INSTANCE
                || !(args[1] instanceof SomaList list)
                || list.items.getClass() != ArrayList.class) return null;
        ArrayList<Object> items = (ArrayList<Object>) list.items; // the exact class, so Graal need not dispatch
        if (items.size() != 2 || !(items.get(0) instanceof Double x) || !(items.get(1) instanceof Double y))
            return null;
        if (Double.isNaN(x)) return y;
        return (max ? y > x : y < x) ? y : x;
    }

    private static Object clamp(Object[] args) {
        if (args[1] instanceof Double x && args[2] instanceof Double lo && args[3] instanceof Double hi)
            return Math.max(lo, Math.min(hi, x));
        return null;
    }

    private static Object len(Object[] args) {
        if (args[1] instanceof SomaList list && list.items.getClass() == ArrayList.class)
            return (double) ((ArrayList<?>) list.items).size();
        if (args[1] instanceof Range r) return r.length();
        return null;
    }
}
