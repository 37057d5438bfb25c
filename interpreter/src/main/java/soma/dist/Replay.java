package soma.dist;

import java.util.List;
import java.util.function.IntFunction;
import soma.io.guest.GuestFiles;

/**
 * A worker's replay of a script up to one distributed call: the calls before it return the results
 * the driver shipped (they are never recomputed), and at the target call the context stops and
 * serves that call's tasks ({@link Server}) until the worker retires it. Set on the thread that
 * evaluates the script before it starts ({@link #onThisThread}); until the target is reached, the
 * script's file writes are skipped (the driver makes them).
 */
public final class Replay {
    private static final ThreadLocal<Replay> CURRENT = new ThreadLocal<>();

    private final int target;
    private final int tasks;
    private final List<List<byte[]>> earlier;
    private final Server server;
    private volatile boolean serving;

    /** Serves the tasks of the target call; returns only by throwing (when the worker retires it). */
    public interface Server {
        void serve(int tasks, IntFunction<byte[]> task);
    }

    /**
     * @param target the ordinal of the call whose tasks this context serves
     * @param tasks how many tasks the driver split the target call into
     * @param earlier the results of calls 0 .. target-1
     */
    public Replay(int target, int tasks, List<List<byte[]>> earlier, Server server) {
        this.target = target;
        this.tasks = tasks;
        this.earlier = earlier;
        this.server = server;
    }

    public static void onThisThread(Replay replay) {
        CURRENT.set(replay);
        GuestFiles.skipWritesWhile(replay == null ? null : () -> !replay.serving);
    }

    static Replay ofThisThread() {
        return CURRENT.get();
    }

    int target() {
        return target;
    }

    int tasks() {
        return tasks;
    }

    List<List<byte[]>> earlier() {
        return earlier;
    }

    Server server() {
        return server;
    }

    void startServing() {
        serving = true;
    }

    boolean serving() {
        return serving;
    }
}
