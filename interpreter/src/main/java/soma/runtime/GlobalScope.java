package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Top-level names. Each name owns a {@link Cell} that is never replaced, so a compiled read can
 * keep the cell as a constant and only load its value. The embedder and tools see them through
 * {@code nodes.scope.GlobalsScope}, the language's interop scope.
 */
public final class GlobalScope {
    private final Map<String, Cell> cells = new LinkedHashMap<>();

    @TruffleBoundary
    public Cell lookup(String name) {
        return cells.get(name);
    }

    @TruffleBoundary
    public Cell define(String name) {
        return cells.computeIfAbsent(name, n -> new Cell(n));
    }

    @TruffleBoundary
    public void set(String name, Object value) {
        define(name).value = value;
    }

    @TruffleBoundary
    public List<String> names() {
        List<String> result = new ArrayList<>();
        for (Cell c : cells.values()) {
            if (c.value != null) result.add(c.name);
        }
        return result;
    }
}
