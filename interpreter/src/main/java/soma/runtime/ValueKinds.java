package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * Printing and naming for value kinds defined outside the core (tensors, trajectories, models,
 * flows). Each kind implements {@link SomaValue}; anything else is a host object shown as such.
 */
final class ValueKinds {
    private ValueKinds() {}

    @TruffleBoundary
    static String show(Object value) {
        if (value instanceof SomaValue v) return v.show();
        return String.valueOf(value);
    }

    @TruffleBoundary
    static String typeName(Object value) {
        if (value instanceof SomaValue v) return v.typeName();
        return value.getClass().getSimpleName();
    }
}
