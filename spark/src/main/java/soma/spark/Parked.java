package soma.spark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntFunction;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import soma.SomaLanguage;
import soma.dist.Replay;
import soma.dist.Wire;
import soma.host.Contexts;
import soma.runtime.SomaError;
import soma.util.Progress;

/**
 * A Soma context parked at one distributed call of a script, on a worker: its thread replayed the
 * script up to that call (earlier calls returned the driver's results, prints and file writes were
 * skipped) and now serves that call's tasks, one at a time. A worker JVM keeps one per task that
 * runs concurrently, so an executor's cores are all used, and reuses them for every task of the
 * call: the script's earlier work is replayed once per context, not once per task.
 */
final class Parked {
    /** Idle contexts by replay key. Contexts of an older call are retired when a newer one arrives. */
    private static final Map<String, Deque<Parked>> IDLE = new HashMap<>();

    private static final Object STOP = new Object();

    private static volatile boolean warned;

    private final String key;
    private final LinkedBlockingQueue<Object> requests = new LinkedBlockingQueue<>();
    /** Why the replay ended without reaching the call (then every request fails with it), or null. */
    private volatile String ended;

    private record Request(int index, CompletableFuture<byte[]> reply) {}

    private Parked(TaskSpec spec) {
        this.key = spec.key();
        Thread t = new Thread(() -> replay(spec), "soma-replay-" + spec.ordinal());
        t.setDaemon(true);
        t.start();
    }

    /** Runs task {@code index} of the call {@code spec} describes, in a context parked there. */
    static byte[] run(TaskSpec spec, int index) {
        Parked p = acquire(spec);
        boolean healthy = false;
        try {
            byte[] out = p.call(index);
            healthy = p.ended == null;
            return out;
        } finally {
            if (healthy) release(p);
            else p.retire();
        }
    }

    private static synchronized Parked acquire(TaskSpec spec) {
        List<String> old = new ArrayList<>();
        for (var e : IDLE.entrySet()) if (!e.getKey().equals(spec.key())) old.add(e.getKey());
        for (String k : old) for (Parked p : IDLE.remove(k)) p.retire();
        Deque<Parked> idle = IDLE.get(spec.key());
        Parked p = idle == null ? null : idle.pollFirst();
        return p != null ? p : new Parked(spec);
    }

    private static synchronized void release(Parked p) {
        IDLE.computeIfAbsent(p.key, k -> new ArrayDeque<>()).addFirst(p);
    }

    private void retire() {
        requests.add(STOP);
    }

    private byte[] call(int index) {
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        requests.add(new Request(index, reply));
        try {
            return reply.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e); // a cancelled job: the engine discards this task
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The parked thread: evaluates the script until it reaches the call, then serves (see {@link #serve}). */
    private void replay(TaskSpec spec) {
        OutputStream quiet = OutputStream.nullOutputStream();
        Contexts.Settings settings =
                Contexts.Settings.defaults().withSeed(spec.seed()).withArgs(spec.args());
        Progress.quietOnThisThread();
        Replay.onThisThread(new Replay(spec.ordinal(), spec.tasks(), spec.earlier(), this::serve));
        try (Context context = Contexts.newContext(settings, System.in, quiet, quiet)) {
            if (!Contexts.isOptimizing(context) && !warned) {
                warned = true; // the results are the same, but many times slower: say so in the executor's log
                System.err.println("soma: this executor runs Soma without the Graal compiler ("
                        + context.getEngine().getImplementationName()
                        + "): see README, Clusters (spark.executor.extraJavaOptions)");
            }
            context.eval(source(spec));
            ended = "the script ended before it reached call " + (spec.ordinal() + 1) + " (" + spec.label()
                    + "): does the script do the same on every run (same files, same arguments)?";
        } catch (Retired r) {
            ended = "retired";
        } catch (PolyglotException e) {
            ended = e.isHostException() && e.asHostException() instanceof Retired
                    ? "retired"
                    : "replaying the script on a worker failed before it reached the " + spec.label() + ": "
                            + e.getMessage();
        } catch (IOException | RuntimeException e) {
            ended = "replaying the script on a worker failed: " + e;
        } finally {
            Replay.onThisThread(null);
        }
        // Fail whatever is still queued, and anything that arrives before the pool forgets this context.
        Object o;
        while ((o = requests.poll()) != null) {
            if (o instanceof Request r) r.reply.complete(Wire.failure(new SomaError(ended)));
        }
    }

    private void serve(int tasks, IntFunction<byte[]> task) {
        while (true) {
            Object o;
            try {
                o = requests.take();
            } catch (InterruptedException e) {
                throw new Retired();
            }
            if (o == STOP) throw new Retired();
            Request r = (Request) o;
            byte[] out;
            try {
                out = task.apply(r.index());
            } catch (Retired e) {
                throw e;
            } catch (Throwable e) {
                // A Soma error is deterministic: it goes back as a value, so the engine does not retry it.
                out = Wire.failure(e);
            }
            r.reply.complete(out);
        }
    }

    private static Source source(TaskSpec spec) throws IOException {
        if (spec.path() != null)
            return Source.newBuilder(SomaLanguage.ID, new File(spec.path()))
                    .content(spec.text())
                    .build();
        return Source.newBuilder(SomaLanguage.ID, spec.text(), spec.name()).build();
    }

    /** Unwinds a parked context's script when the worker retires it. */
    private static final class Retired extends RuntimeException {
        Retired() {
            super("retired", null, false, false);
        }
    }
}
