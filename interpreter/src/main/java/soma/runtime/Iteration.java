package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import soma.tensor.Tensor;

/** What {@code for} can iterate over: lists, strings (by character), ranges, tensors, sequences. */
public final class Iteration {
    private Iteration() {}

    public static boolean isIterable(Object o) {
        return o instanceof SomaList
                || o instanceof String
                || o instanceof Range
                || o instanceof Tensor
                || o instanceof SomaSequence;
    }

    @TruffleBoundary
    public static int size(Object o) {
        return switch (o) {
            case SomaList l -> l.items.size();
            case String s -> s.length();
            case Range r -> r.size();
            case Tensor t -> TensorValues.length(t);
            case SomaSequence s -> s.length();
            default -> throw new SomaError("cannot iterate over a " + Printer.typeName(o));
        };
    }

    @TruffleBoundary
    public static Object get(Object o, int i) {
        return switch (o) {
            case SomaList l -> l.items.get(i);
            case String s -> String.valueOf(s.charAt(i));
            case Range r -> r.get(i);
            case Tensor t -> TensorValues.item(t, i);
            case SomaSequence s -> s.item(i);
            default -> throw new SomaError("cannot iterate over a " + Printer.typeName(o));
        };
    }
}
