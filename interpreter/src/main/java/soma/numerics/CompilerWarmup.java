package soma.numerics;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the Graal compiler early. On a JDK without libgraal, Truffle's first compilation in a
 * JVM first initializes the compiler (Graal is Java code, cold at that point): a second or more
 * before any model's integrator can be compiled. A script that makes a model instance is about
 * to simulate it, so then a trivial call target is made hot; its compilation, queued in the
 * background, initializes the compiler while the script goes on (issue 20).
 * {@code -Dsoma.warmup.calls=0} switches this off.
 */
public final class CompilerWarmup {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Calls: past the first tier's threshold (400 by default), with a margin. */
    private static final int CALLS = Integer.getInteger("soma.warmup.calls", 1200);

    private CompilerWarmup() {}

    /** Once per JVM; about a millisecond (a thousand calls of an empty function in the interpreter). */
    public static void request(TruffleLanguage<?> language) {
        if (language == null || CALLS <= 0 || !STARTED.compareAndSet(false, true)) return;
        CallTarget target = new Trivial(language).getCallTarget();
        for (int i = 0; i < CALLS; i++) target.call(i);
    }

    private static final class Trivial extends RootNode {
        Trivial(TruffleLanguage<?> language) {
            super(language);
        }

        @Override
        public Object execute(VirtualFrame frame) {
            return frame.getArguments()[0];
        }

        @Override
        public String getName() {
            return "compiler warm-up";
        }

        @Override
        public String toString() {
            return getName();
        }
    }
}
