package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.TruffleObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** A record: named fields in insertion order. */
public final class SomaRecord implements TruffleObject {
    public final Map<String, Object> fields = new LinkedHashMap<>();

    @TruffleBoundary
    public Object get(String name) {
        return fields.get(name);
    }

    @TruffleBoundary
    public void put(String name, Object value) {
        fields.put(name, value);
    }

    @TruffleBoundary
    public boolean has(String name) {
        return fields.containsKey(name);
    }
}
