package soma.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import soma.dist.Distributor;
import soma.dist.Job;
import soma.runtime.SomaError;
import soma.util.GracefulStop;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs a distributed call's tasks as one Spark job: one Spark task per Soma task, each replaying
 * the script on a worker up to the call ({@link Parked}) and returning its encoded result. One
 * progress line for the job (tasks done, ETA, the Spark UI); the first Ctrl-C cancels the job.
 */
public final class SparkDistributor implements Distributor {
    private final JavaSparkContext spark;
    private final Script script;
    private final int samplesPerTask;
    private boolean toldUi;

    /**
     * @param samplesPerTask the sweep partition size; 0 chooses it from the cluster's cores
     *     ({@link #sweepPartitions})
     */
    SparkDistributor(JavaSparkContext spark, Script script, int samplesPerTask) {
        this.spark = spark;
        this.script = script;
        this.samplesPerTask = samplesPerTask;
    }

    /**
     * Four tasks per core of the cluster (so that a slow or lost task is a small part of the job and
     * the cores stay busy to the end), but no task smaller than {@link #MIN_SAMPLES} samples: a
     * compiled batch amortises its start (a few ms of scheduling and result transfer per task).
     */
    @Override
    public int sweepPartitions(int samples) {
        if (samplesPerTask > 0) return (samples + samplesPerTask - 1) / samplesPerTask;
        int cores = Math.max(1, spark.defaultParallelism());
        int bySize = Math.max(1, samples / MIN_SAMPLES);
        return Math.max(1, Math.min(4 * cores, bySize));
    }

    static final int MIN_SAMPLES = 100;

    @Override
    public List<byte[]> run(Job job) {
        TaskSpec spec =
                TaskSpec.of(script, job.seed(), job.args(), job.ordinal(), job.earlier(), job.label(), job.tasks());
        Broadcast<TaskSpec> shared = spark.broadcast(spec);
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < job.tasks(); i++) indices.add(i);
        String group = "soma-call-" + job.ordinal();
        spark.setJobGroup(group, "soma " + job.label() + " (call " + (job.ordinal() + 1) + ")", true);
        JavaFutureAction<List<byte[]>> action = spark.parallelize(indices, job.tasks())
                .map(i -> Parked.run(shared.value(), i))
                .collectAsync();
        try (CtrlC ctrlC = new CtrlC()) {
            return await(job, action, ctrlC);
        } finally {
            spark.clearJobGroup();
            shared.destroy();
        }
    }

    private List<byte[]> await(Job job, JavaFutureAction<List<byte[]>> action, CtrlC ctrlC) {
        Progress line = new Progress(job.label() + " on Spark", job.tasks(), ui());
        while (true) {
            try {
                List<byte[]> out = action.get(200, TimeUnit.MILLISECONDS);
                line.finish();
                return out;
            } catch (TimeoutException e) {
                if (ctrlC.pressed() || GracefulStop.requested()) {
                    action.cancel(true);
                    line.finish();
                    settle(action);
                    throw new SomaError("cancelled by Ctrl-C (the Spark job was cancelled)");
                }
                line.update(done(action));
            } catch (InterruptedException e) {
                action.cancel(true);
                Thread.currentThread().interrupt();
                throw new SomaError("interrupted (the Spark job was cancelled)");
            } catch (ExecutionException e) {
                line.finish();
                Throwable cause = e.getCause() == null ? e : e.getCause();
                String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
                throw new SomaError(
                        "the Spark job failed: " + message.lines().findFirst().orElse(message));
            }
        }
    }

    /** Waits (a few seconds at most) until a cancelled job's tasks have reported, so that the driver can stop cleanly. */
    private void settle(JavaFutureAction<?> action) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean running = false;
            for (int id : action.jobIds()) {
                SparkJobInfo info = spark.statusTracker().getJobInfo(id);
                if (info == null) continue;
                for (int stage : info.stageIds()) {
                    SparkStageInfo st = spark.statusTracker().getStageInfo(stage);
                    if (st != null && st.numActiveTasks() > 0) running = true;
                }
            }
            if (!running) return;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * While a job runs, the first Ctrl-C cancels it (the call then fails with a Soma error, and the
     * script stops as after any error); a second one ends the process as usual.
     */
    private static final class CtrlC implements AutoCloseable {
        private final AtomicBoolean pressed = new AtomicBoolean();
        private final SignalHandler previous;

        CtrlC() {
            SignalHandler old = null;
            try {
                old = Signal.handle(new Signal("INT"), signal -> {
                    if (pressed.getAndSet(true)) System.exit(130);
                    System.err.println("\ncancelling the Spark job (Ctrl-C again to end at once)");
                });
            } catch (IllegalArgumentException e) {
                // no SIGINT here (or it is ignored, as for a background job): Ctrl-C keeps its meaning
            }
            previous = old;
        }

        boolean pressed() {
            return pressed.get();
        }

        @Override
        public void close() {
            if (previous != null) Signal.handle(new Signal("INT"), previous);
        }
    }

    private int done(JavaFutureAction<?> action) {
        int done = 0;
        for (int id : action.jobIds()) {
            SparkJobInfo job = spark.statusTracker().getJobInfo(id);
            if (job == null) continue;
            for (int stage : job.stageIds()) {
                SparkStageInfo s = spark.statusTracker().getStageInfo(stage);
                if (s != null) done += s.numCompletedTasks();
            }
        }
        return done;
    }

    /** The Spark UI's address, said once per session (the progress line repeats it). */
    private String ui() {
        String url = spark.sc().uiWebUrl().isDefined() ? spark.sc().uiWebUrl().get() : null;
        if (url != null && !toldUi) {
            System.err.println("soma: Spark UI at " + url);
            toldUi = true;
        }
        return url;
    }

    /** One line on stderr for the whole job: tasks done of all, elapsed, ETA; redrawn in place on a terminal. */
    private static final class Progress {
        private final String label;
        private final int total;
        private final long started = System.nanoTime();
        private final boolean terminal =
                System.console() != null && System.console().isTerminal();
        private long lastShown;
        private int lastDone = -1;
        private boolean drawn;

        Progress(String label, int total, String ui) {
            this.label = label;
            this.total = total;
        }

        void update(int done) {
            long now = System.nanoTime();
            // a terminal redraws in place twice a second; a log gets a line when the count moves, at most every 10 s
            if (terminal ? now - lastShown < 500_000_000L : (done == lastDone || now - lastShown < 10_000_000_000L))
                return;
            lastShown = now;
            lastDone = done;
            double elapsed = (now - started) / 1e9;
            String eta = done > 0 ? ", ETA " + time(elapsed * (total - done) / done) : "";
            String text =
                    String.format(Locale.ROOT, "%s: %d/%d tasks, %s elapsed%s", label, done, total, time(elapsed), eta);
            if (terminal) {
                System.err.print("\r" + text + "\033[K");
                drawn = true;
            } else {
                System.err.println(text);
            }
            System.err.flush();
        }

        void finish() {
            if (drawn) {
                System.err.print("\r\033[K");
                System.err.flush();
            }
        }

        private static String time(double seconds) {
            long s = Math.round(seconds);
            return s >= 3600
                    ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }
}
