package soma.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import soma.runtime.SomaFunction;

/** Calling Soma functions from builtins written in Java. */
public final class Calls {
    private Calls() {}

    @TruffleBoundary
    public static Object call(SomaFunction f, Object... args) {
        return f.call(args);
    }
}
