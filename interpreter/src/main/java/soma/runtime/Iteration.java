package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/** What {@code for} can iterate over: lists, strings (by character), ranges, sequences. */
public final class Iteration {
    private Iteration() {}

    public static boolean isIterable(Object o) {
        return o instanceof SomaList || o instanceof String || o instanceof Range || o instanceof SomaSequence;
    }

    @TruffleBoundary
    public static int size(Object o) {
        return switch (o) {
            case SomaList l -> l.items.size();
            case String s -> s.length();
            case Range r -> r.size();
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
            case SomaSequence s -> s.item(i);
            default -> throw new SomaError("cannot iterate over a " + Printer.typeName(o));
        };
    }
}
