package soma.tensor;

/**
 * How long numeric loops (an eig of a large matrix) let their caller stop them. The numeric core
 * knows nothing of the interpreter, so the interpreter installs its check here (a Truffle safepoint
 * poll, which raises Ctrl-C and cancellation as an exception); alone, the core polls nothing.
 */
public final class Cancellation {
    private static volatile Runnable check = () -> {};

    private Cancellation() {}

    /** Installed once by the interpreter; {@code poll} then runs it. */
    public static void install(Runnable poll) {
        check = poll;
    }

    /** Called once per outer step of a long loop: cheap, and may throw to stop the loop. */
    public static void poll() {
        check.run();
    }
}
