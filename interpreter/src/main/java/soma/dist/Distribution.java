package soma.dist;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import soma.runtime.SomaError;

/**
 * Where a context's distributed calls go, and the bookkeeping that lets a worker replay the script
 * to the same call: every top-level {@code sweep}/{@code ensemble} call of a run gets the next
 * ordinal, and its results are kept for the workers of later calls. A call made inside another
 * call's task (an ensemble of sweeps) runs in-process and is not counted: workers run those tasks
 * whole.
 */
public final class Distribution {
    private static volatile Distributor installed = LocalDistributor.INSTANCE;

    private final long seed;
    private final List<String> args;
    private final List<List<byte[]>> results = new ArrayList<>();
    private int next;
    private int depth;
    private Replay replay;
    private boolean looked;
    /** While an ensemble task with checkpoint: runs, the prefix of its EPI runs' checkpoint files. */
    private String taskCheckpoint;

    private int epiRuns;

    /** One per context: its seed and program arguments are what a worker replays the script with. */
    public Distribution(long seed, List<String> args) {
        this.seed = seed;
        this.args = args;
    }

    /** Sends the distributed calls of every context of this process to {@code d} (the Spark module does). */
    public static void install(Distributor d) {
        installed = d == null ? LocalDistributor.INSTANCE : d;
    }

    public static Distributor installed() {
        return installed;
    }

    /**
     * Into how many partitions this context's next sweep of {@code samples} samples is split: one
     * batch in-process or when nested; on a worker replaying the script, as many as the driver
     * chose for the call it serves.
     */
    @TruffleBoundary
    public int sweepPartitions(int samples) {
        if (depth > 0) return 1;
        Replay r = replay();
        if (r != null) return next == r.target() ? r.tasks() : 1;
        return Math.max(1, Math.min(samples, installed.sweepPartitions(samples)));
    }

    /**
     * Runs a distributed call's tasks and returns their encoded results in task order. On a worker
     * replaying the script, earlier calls return the shipped results and the target call serves
     * its tasks (and never returns).
     */
    @TruffleBoundary
    public List<byte[]> run(String label, int tasks, IntFunction<byte[]> task) {
        if (depth > 0) return LocalDistributor.INSTANCE.run(job(label, -1, tasks, task));
        int k = next++;
        Replay r = replay();
        if (r != null) {
            if (k < r.target()) return r.earlier().get(k);
            if (k == r.target()) {
                if (tasks != r.tasks())
                    throw new SomaError("the replayed script's " + label + " has " + tasks + " tasks, the driver's "
                            + r.tasks() + ": does the script do the same on every run?");
                depth++;
                r.startServing();
                r.server().serve(tasks, task);
                throw new IllegalStateException("a replayed call returned");
            }
        }
        List<byte[]> out;
        depth++;
        try {
            out = (r != null ? LocalDistributor.INSTANCE : installed).run(job(label, k, tasks, task));
        } finally {
            depth--;
        }
        results.add(out);
        return out;
    }

    private Job job(String label, int k, int tasks, IntFunction<byte[]> task) {
        return new Job(
                label, k, seed, args, Collections.unmodifiableList(new ArrayList<>(results)), tasks, guarded(task));
    }

    /** Nested calls inside a task are counted as inside (in-process), wherever the task runs. */
    private IntFunction<byte[]> guarded(IntFunction<byte[]> task) {
        return i -> {
            depth++;
            try {
                return task.apply(i);
            } finally {
                depth--;
            }
        };
    }

    /**
     * Runs {@code work} as a task whose EPI runs checkpoint to {@code prefix}-epi-N.json (N counts
     * the task's EPI runs from 0) and resume from there when the file exists: a retried task loses
     * at most one epoch. A null prefix: no checkpoints.
     */
    public <T> T withTaskCheckpoint(String prefix, java.util.function.Supplier<T> work) {
        String saved = taskCheckpoint;
        int savedRuns = epiRuns;
        taskCheckpoint = prefix;
        epiRuns = 0;
        try {
            return work.get();
        } finally {
            taskCheckpoint = saved;
            epiRuns = savedRuns;
        }
    }

    /** The checkpoint file of the running task's next EPI run, or null outside such a task. */
    public String nextTaskCheckpoint() {
        return taskCheckpoint == null ? null : taskCheckpoint + "-epi-" + epiRuns++ + ".json";
    }

    private Replay replay() {
        if (!looked) {
            replay = Replay.ofThisThread();
            looked = true;
        }
        return replay;
    }
}
