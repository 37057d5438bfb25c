package soma.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import soma.runtime.SomaFunction;

/** Calling Soma functions from builtins written in Java. */
public final class Calls {
    private Calls() {}

    @TruffleBoundary
    public static Object call(SomaFunction f, Object... args) {
        Object[] frameArgs = f.signature.isSimple(args.length)
                ? f.signature.bindPositional(f.closure, args)
                : f.signature.bind(f.closure, args, null);
        return f.callTarget.call(frameArgs);
    }
}
