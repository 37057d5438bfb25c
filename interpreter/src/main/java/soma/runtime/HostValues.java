package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import soma.tensor.Tensor;

/**
 * Values crossing the polyglot boundary. The numeric core's {@link Tensor} is a plain Java object
 * (it knows nothing of Truffle), so where a value leaves Soma for the host (a program's result, a
 * function called by the embedder) a tensor goes out wrapped as {@link HostTensor}, and comes back
 * unwrapped. Host numbers (an int from Java) arrive as Soma's one number type, a double.
 */
public final class HostValues {
    private HostValues() {}

    public static Object export(Object value) {
        return value instanceof Tensor t ? new HostTensor(t) : value;
    }

    public static Object[] importAll(Object[] values) {
        Object[] out = values.clone();
        for (int i = 0; i < out.length; i++) out[i] = importValue(out[i]);
        return out;
    }

    public static Object importValue(Object value) {
        return switch (value) {
            case HostTensor h -> h.tensor;
            case Integer n -> n.doubleValue();
            case Long n -> n.doubleValue();
            case Float n -> n.doubleValue();
            case Short n -> n.doubleValue();
            case Byte n -> n.doubleValue();
            default -> value;
        };
    }

    /** A tensor as the host sees it: an opaque Soma value that prints as Soma prints it. */
    @ExportLibrary(InteropLibrary.class)
    public static final class HostTensor implements TruffleObject {
        public final Tensor tensor;

        HostTensor(Tensor tensor) {
            this.tensor = tensor;
        }

        @ExportMessage
        @TruffleBoundary
        Object toDisplayString(boolean allowSideEffects) {
            return Printer.show(tensor);
        }
    }
}
