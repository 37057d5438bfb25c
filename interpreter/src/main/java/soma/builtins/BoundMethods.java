package soma.builtins;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import soma.runtime.SomaFunction;

/**
 * The methods of one value (q.sample, result.save, ...), each bound to it once, on first use: a
 * method read in a loop does not build a new call target every time.
 */
public final class BoundMethods {
    private final String type;
    private final Object receiver;
    private final Map<String, SomaFunction> bound = new HashMap<>();

    public BoundMethods(String type, Object receiver) {
        this.type = type;
        this.receiver = receiver;
    }

    /** The method bound to the receiver, or null if the type has no such method. */
    public synchronized SomaFunction get(String name) {
        return bound.computeIfAbsent(name, n -> Builtins.bind(type, n, receiver));
    }

    public List<String> names() {
        return Builtins.methodNames(type);
    }
}
