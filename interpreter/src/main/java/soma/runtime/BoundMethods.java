package soma.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The methods of one value (q.sample, result.save, ...), each bound to it once, on first use: a
 * method read in a loop does not build a new call target every time.
 *
 * <p>The methods themselves are builtins, which depend on the value kinds that use this class;
 * so the builtins install the {@link Table} when a context starts, rather than this class
 * calling into them.
 */
public final class BoundMethods {
    /** Where methods come from: the builtin registry. */
    public interface Table {
        /** The method {@code type.name} bound to a receiver, or null if the type has no such method. */
        SomaFunction bind(String type, String name, Object receiver);

        List<String> names(String type);
    }

    private static volatile Table table;

    public static void install(Table t) {
        table = t;
    }

    private final String type;
    private final Object receiver;
    private final Map<String, SomaFunction> bound = new HashMap<>();

    public BoundMethods(String type, Object receiver) {
        this.type = type;
        this.receiver = receiver;
    }

    /** The method bound to the receiver, or null if the type has no such method. */
    public synchronized SomaFunction get(String name) {
        return bound.computeIfAbsent(name, n -> table().bind(type, n, receiver));
    }

    public List<String> names() {
        return table().names(type);
    }

    private static Table table() {
        Table t = table;
        if (t == null) throw new IllegalStateException("no builtin methods installed (no Soma context was created)");
        return t;
    }
}
