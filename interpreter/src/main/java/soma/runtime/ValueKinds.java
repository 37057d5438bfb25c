package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import soma.tensor.Tensor;

/**
 * Printing and naming for value kinds defined outside the core (tensors, trajectories, models,
 * flows). Each kind implements {@link SomaValue}, except tensors, which belong to the numeric core
 * and are adapted by {@link TensorValues}; anything else is a host object shown as such.
 */
final class ValueKinds {
    private ValueKinds() {}

    @TruffleBoundary
    static String show(Object value) {
        if (value instanceof Tensor t) return t.show();
        if (value instanceof SomaValue v) return v.show();
        return String.valueOf(value);
    }

    @TruffleBoundary
    static String typeName(Object value) {
        if (value instanceof Tensor) return TensorValues.typeName();
        if (value instanceof SomaValue v) return v.typeName();
        return value.getClass().getSimpleName();
    }

    /** The type as the REPL shows it next to an echoed value; tensors add shape and kind. */
    @TruffleBoundary
    static String echoType(Object value) {
        if (value instanceof Tensor t) return TensorValues.echoType(t);
        if (value instanceof SomaValue v) return v.echoType();
        return Printer.typeName(value);
    }
}
