package soma.numerics;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.TruffleSafepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import soma.model.CompiledModel;
import soma.model.InstanceValues;
import soma.model.ModelCompiler;
import soma.model.ModelInstance;
import soma.model.diff.TangentSystem;
import soma.model.nodes.Workspace;
import soma.numerics.batch.BatchSimulator;
import soma.runtime.Host;
import soma.runtime.Operators;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.tensor.MemoryBudget;
import soma.tensor.Tensor;
import soma.util.Progress;

/**
 * Runs a model: compiles it, prepares each sample's constants and initial state (re-running the
 * instance's setup with the sample's parameters), integrates the samples on worker threads
 * (strided, so neighbouring samples of a sweep spread over the cores) and gathers a trajectory.
 */
public final class Simulator {
    private Simulator() {}

    /**
     * @param steps   number of steps of size dt (recorded every {@code every} steps)
     * @param record  state names to record, or null for all
     * @param over    names of the parameters given per sample by the rows of {@code batch}
     * @param batch   one row per sample, or null for a single run
     * @param from    initial state (all elements, flat) replacing the declared one, or null
     */
    public record Options(
            Method method,
            double t0,
            double dt,
            long steps,
            int every,
            List<String> record,
            double rtol,
            double atol,
            List<String> over,
            double[][] batch,
            double[] from,
            int threads,
            List<String> sensitivities) {}

    /** -Dsoma.trace.simulate=true: the time of each phase of a simulate call, on stderr (profiling). */
    private static final boolean TRACE = Boolean.getBoolean("soma.trace.simulate");

    /**
     * Where the time of a simulate call went, in nanoseconds: preparing (the samples' values,
     * compiling the model, constants and initial states), integrating (the compiled time loops on
     * the worker threads: the kernel), and gathering the trajectory.
     */
    public record Timing(long prepare, long integrate, long gather) {}

    private static volatile Timing last = new Timing(0, 0, 0);

    /** The phases of the latest simulate call in this JVM (benchmarks: the user's path against the kernel). */
    public static Timing lastTiming() {
        return last;
    }

    /** The timing of a call, for {@link #lastTiming}: not a session's background warm-up's. */
    private static void remember(Timing timing) {
        if (!BatchSimulator.warmingUp()) last = timing;
    }

    private static long lap(String what, long since) {
        long now = System.nanoTime();
        if (TRACE && !BatchSimulator.warmingUp())
            System.err.printf("  simulate %-10s %8.2f ms%n", what, (now - since) / 1e6);
        return now;
    }

    public static Trajectory simulate(ModelInstance original, Options o, Host context) {
        long start = System.nanoTime();
        long t0 = start;
        ModelInstance instance =
                o.sensitivities().isEmpty() ? original : TangentSystem.augment(original, o.sensitivities());
        int samples = o.batch() == null ? 1 : o.batch().length;
        InstanceValues[] sampleValues = new InstanceValues[samples];
        IntFunction<Map<String, Double>> overridesOf = s -> {
            Map<String, Double> overrides = new LinkedHashMap<>();
            for (int k = 0; k < o.over().size(); k++) overrides.put(o.over().get(k), o.batch()[s][k]);
            return overrides;
        };
        // the quick way needs each batched name once (a name given twice: every sample's setup runs)
        var quick = o.batch() == null || distinct(o.over()).size() != o.over().size()
                ? null
                : instance.quickBatch(o.over());
        // which fields can differ between samples: all, unless every sample was made the quick way
        Set<String> candidates = null;
        if (o.batch() == null) {
            sampleValues[0] = instance.values;
        } else if (quick != null) {
            // only unit conversions depend on the batched parameters: prepare the samples on all cores
            IntStream.range(0, samples)
                    .parallel()
                    .forEach(s -> sampleValues[s] = quick.sample().apply(o.batch()[s]));
            candidates = new java.util.LinkedHashSet<>(quick.touched());
            for (int s = 0; s < samples; s++) { // a static that is not scalar arithmetic for this sample
                if (sampleValues[s] != null) continue;
                sampleValues[s] = instance.valuesWith(overridesOf.apply(s), context);
                candidates = null; // its setup ran again: any field may differ (a random static)
            }
        } else {
            for (int s = 0; s < samples; s++)
                sampleValues[s] = instance.valuesWith(overridesOf.apply(s), context); // runs Soma code: one thread
        }
        t0 = lap("values", t0);
        if (candidates == null) candidates = sampleValues[0].named().fields.keySet();
        CompiledModel model =
                ModelCompiler.compile(instance, context, varying(sampleValues, candidates), sampleValues[0]);
        t0 = lap("compile", t0);
        if (model.stateSize == 0 || instance.declaration.isFeedforward()) {
            throw new SomaError(
                    "simulate: " + instance.declaration.name + " has no state with an equation to integrate");
        }
        List<String> recordedNames = o.record() == null ? nonInputs(model) : o.record();
        List<Integer> recorded = new ArrayList<>();
        for (String name : recordedNames) {
            int s = model.indexOf(name);
            if (s < 0)
                throw new SomaError("simulate: cannot record '" + name + "', which is not a state of "
                        + instance.declaration.name + " (states: " + String.join(", ", model.stateNames) + ")");
            for (int i = 0; i < model.sizes[s]; i++) recorded.add(model.offsets[s] + i);
        }
        int[] idx = recorded.stream().mapToInt(Integer::intValue).toArray();
        double[][][] constants = new double[samples][][];
        double[][] initial = new double[samples][];
        if (o.from() != null && o.from().length > model.stateSize) {
            throw new SomaError("simulate: 'from' has " + o.from().length + " values but " + instance.declaration.name
                    + " has " + model.stateSize + " state elements");
        }
        constants[0] = model.constants(sampleValues[0]);
        // quickBatch holds only when no state's size or initial value uses a batched parameter, and
        // its samples share the instance's initial values: one initial state serves every sample
        // (the per-sample conversion of, say, STG's V0 list to a tensor took longer than the constants)
        double[] shared = quick != null ? model.initial(sampleValues[0]) : null;
        IntStream.range(0, samples).parallel().forEach(s -> {
            if (s > 0) constants[s] = model.constants(sampleValues[s], sampleValues[0], constants[0]);
            initial[s] = shared != null
                            && sampleValues[s].inits() == sampleValues[0].inits()
                            && sampleValues[s].sizes() == sampleValues[0].sizes()
                    ? shared.clone()
                    : model.initial(sampleValues[s]);
            if (o.from() != null)
                System.arraycopy(o.from(), 0, initial[s], 0, o.from().length); // tangents (if any) start at 0
        });
        t0 = lap("constants", t0);
        checkMemory((double) samples * (o.steps() / o.every() + 1) * idx.length);
        int maxRows = (int) (o.steps() / o.every()) + 1;
        long beforeBatch = t0;
        AtomicLong batchDone = new AtomicLong();
        long batchSteps = Math.max(1, o.steps());
        Progress batchProgress =
                o.method().adaptive() ? null : Progress.start("simulate " + instance.declaration.name, samples);
        double[] vectorised;
        try {
            vectorised = o.method().adaptive()
                    ? null
                    : BatchSimulator
                            .run( // samples innermost, vectorised; null: not for this run, the scalar path below
                                    o.method() + "|" + o.sensitivities() + "|" + model.key,
                                    model.rhs,
                                    model.stateSize,
                                    constants,
                                    initial,
                                    o.method().stages,
                                    o.t0(),
                                    o.dt(),
                                    o.steps(),
                                    o.every(),
                                    idx,
                                    maxRows,
                                    o.threads(),
                                    work -> runPooled(work, () -> batchProgress.update(batchDone.get() / batchSteps)),
                                    batchDone); // interruptible (Ctrl-C), with the progress display of the scalar path
        } finally {
            if (batchProgress != null) batchProgress.finish();
        }
        if (vectorised != null) {
            t0 = lap("integrate (batch path)", t0);
            long integrated = t0;
            Trajectory result = gather(
                    model,
                    recordedNames,
                    vectorised,
                    samples,
                    maxRows,
                    o,
                    instance.declaration.name,
                    samples * o.steps());
            long end = lap("gather", t0);
            remember(new Timing(beforeBatch - start, integrated - beforeBatch, end - integrated));
            return result;
        }
        CallTarget target = original.declaration.integrators.computeIfAbsent(
                o.method() + "|" + o.sensitivities() + "|" + model.key,
                k -> new IntegratorRoot(
                                context.language(),
                                o.method(),
                                model.rhs,
                                instance.declaration.name + "."
                                        + o.method().name().toLowerCase(),
                                original.declaration.setup.getRootNode().getSourceSection())
                        .getCallTarget());
        // Every sample records straight into one array, (samples x rows x recorded) row-major: with
        // one recorded variable (the usual case) it is the trajectory's storage, nothing copied.
        int width = idx.length;
        double[] direct = new double[samples * maxRows * width];
        int threads = Math.max(1, Math.min(samples, o.threads()));
        Divergence[] failures = new Divergence[threads];
        RuntimeException[] crashes = new RuntimeException[threads];
        long[] taken = new long[threads];
        AtomicLong done = new AtomicLong();
        Runnable[] work = new Runnable[threads];
        for (int k = 0; k < threads; k++) {
            int first = k;
            work[k] = () -> {
                Run run = new Run(
                        new Workspace(model.bufferSizes),
                        model.stateSize,
                        o.method().stages,
                        o.t0(),
                        o.dt(),
                        o.steps(),
                        o.every(),
                        idx,
                        o.rtol(),
                        o.atol());
                try {
                    for (int s = first; s < samples; s += threads) {
                        run.reset(s, initial[s], constants[s], direct, s * maxRows * width);
                        target.call(run);
                        taken[first] += o.method().adaptive() ? run.attempts : run.step;
                        done.incrementAndGet();
                    }
                } catch (Divergence d) {
                    failures[first] = d;
                } catch (RuntimeException e) { // e.g. the interrupt of Ctrl-C, delivered at a safepoint of the loop
                    crashes[first] = e;
                } catch (OutOfMemoryError e) { // the workspace, or a model's own arrays: reported from
                    // this thread, so the context stays usable (the recording was allocated before)
                    crashes[first] = new SomaError(MemoryBudget.outOfMemory("simulate"));
                }
            };
        }
        Progress progress = Progress.start("simulate " + instance.declaration.name, samples);
        t0 = lap("target", t0);
        long prepared = t0;
        runAll(work, context, () -> progress.update(done.get()));
        progress.finish();
        t0 = lap("integrate", t0);
        long integrated = t0;
        for (RuntimeException e : crashes) if (e != null) throw e;
        Divergence first = null;
        for (Divergence d : failures) if (d != null && (first == null || d.sample < first.sample)) first = d;
        if (first != null) throw new SomaError(describe(first, model, o.batch() != null));
        Trajectory result = gather(
                model,
                recordedNames,
                direct,
                samples,
                maxRows,
                o,
                instance.declaration.name,
                Arrays.stream(taken).sum());
        long end = lap("gather", t0);
        remember(new Timing(prepared - start, integrated - prepared, end - integrated));
        return result;
    }

    /**
     * Every sample records its points, and gathering copies them into the trajectory: twice the
     * points, eight bytes each, must fit the heap. (Rows are counted as an int, too.)
     */
    private static void checkMemory(double points) {
        String shortfall = MemoryBudget.shortfall(2 * 8 * points);
        if (shortfall == null && points < Integer.MAX_VALUE - 8) return;
        if (shortfall == null) shortfall = "are more than one array can hold (2^31 numbers)";
        throw new SomaError("simulate: recording " + Printer.number(points) + " points " + shortfall
                + "; record fewer variables (record:) or fewer points (every:)");
    }

    private static List<String> distinct(List<String> names) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(names));
    }

    /** Those of the names whose values are not identical in all samples (the same object is equal: most are shared). */
    private static Set<String> varying(InstanceValues[] samples, Set<String> names) {
        Set<String> out = new HashSet<>();
        for (String name : names) {
            Object first = samples[0].named().get(name);
            for (int s = 1; s < samples.length; s++) {
                Object other = samples[s].named().get(name);
                if (other != first && !Operators.equal(first, other)) {
                    out.add(name);
                    break;
                }
            }
        }
        return out;
    }

    private static List<String> nonInputs(CompiledModel model) {
        List<String> names = new ArrayList<>();
        for (int s = 0; s < model.stateNames.size(); s++) {
            if (!model.instance.declaration.states.get(s).input()) names.add(model.stateNames.get(s));
        }
        return names;
    }

    private static void runAll(Runnable[] work, Host context, Runnable tick) {
        if (work.length == 1) {
            work[0].run(); // one worker: on this thread (a batch on one core shows no progress bar)
            return;
        }
        Thread[] threads = new Thread[work.length];
        for (int k = 0; k < work.length; k++) {
            threads[k] = context.workerThread(work[k]);
            threads[k].start();
        }
        waitFor(threads, tick);
    }

    /**
     * Workers of the batch path, which run no guest code (the lowered program is plain Java), so
     * they need not be Truffle threads: kept alive between calls, because starting two polyglot
     * threads (entering the context on each) delayed the first worker's start by 3.6 ms (median;
     * 0.6 ms from this pool) in every simulate call of an STG EPI iteration, whose kernel takes
     * ~15 ms on 2 cores (measured alternating the two in one process, on a loaded machine).
     */
    private static final java.util.concurrent.ExecutorService BATCH_WORKERS =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "soma-batch-worker");
                t.setDaemon(true);
                return t;
            });

    /**
     * Runs the batch path's workers on {@link #BATCH_WORKERS} and waits for them, letting Truffle's
     * safepoints through (Ctrl-C): when the wait is interrupted, the caller's stop flag ends the
     * workers at their next step.
     */
    private static void runPooled(Runnable[] work, Runnable tick) {
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(work.length);
        Throwable[] errors = new Throwable[work.length];
        for (int k = 0; k < work.length; k++) {
            Runnable w = work[k];
            int me = k;
            BATCH_WORKERS.execute(() -> {
                try {
                    w.run();
                } catch (Throwable e) { // the workers keep their own failures; anything else is the caller's
                    errors[me] = e;
                } finally {
                    finished.countDown();
                }
            });
        }
        waitTicking(
                latch -> latch.await(100, java.util.concurrent.TimeUnit.MILLISECONDS),
                finished,
                () -> finished.getCount() == 0,
                tick);
        for (Throwable e : errors) {
            if (e instanceof RuntimeException r) throw r;
            if (e instanceof Error r) throw r;
        }
    }

    /** Joins the workers, ticking the progress display meanwhile ({@link #waitTicking}). */
    private static void waitFor(Thread[] threads, Runnable tick) {
        for (Thread t : threads) waitTicking(worker -> worker.join(100), t, () -> !t.isAlive(), tick);
    }

    /**
     * Waits in slices (each at most 100 ms) until done, ticking the progress display after each.
     * The wait lets Truffle's safepoints through, so Ctrl-C (a context interrupt) stops a batch
     * instead of waiting for it.
     */
    private static <T> void waitTicking(
            TruffleSafepoint.Interruptible<T> slice, T on, java.util.function.BooleanSupplier done, Runnable tick) {
        while (!done.getAsBoolean()) {
            TruffleSafepoint.setBlockedThreadInterruptible(null, slice, on);
            tick.run();
        }
    }

    private static String describe(Divergence d, CompiledModel model, boolean batch) {
        String where = "";
        if (d.element >= 0) {
            for (int s = model.stateNames.size() - 1; s >= 0; s--) {
                if (d.element >= model.offsets[s]) {
                    where = "'" + model.stateNames.get(s)
                            + (model.indexed[s] ? "[" + (d.element - model.offsets[s]) + "]" : "") + "' ";
                    break;
                }
            }
        }
        return "simulate: " + where + d.reason + " at t = " + Printer.number(d.t)
                + (batch ? " in sample " + d.sample : "")
                + (d.element >= 0 ? " (try a smaller dt, or check the parameters)" : "");
    }

    /**
     * The trajectory of the recorded rows, sample after sample in one array (samples x rows x
     * recorded elements): one recorded variable is that array itself; several are copied out
     * variable by variable.
     */
    private static Trajectory gather(
            CompiledModel model,
            List<String> names,
            double[] recorded,
            int samples,
            int rows,
            Options o,
            String modelName,
            long steps) {
        double[] t = new double[rows];
        for (int r = 0; r < rows; r++) t[r] = o.t0() + (double) r * o.every() * o.dt();
        int width = 0;
        for (String name : names) width += model.sizes[model.indexOf(name)];
        LinkedHashMap<String, Tensor> series = new LinkedHashMap<>();
        int col = 0;
        for (String name : names) {
            int s = model.indexOf(name);
            int n = model.sizes[s];
            double[] data = n == width ? recorded : column(recorded, samples * rows, width, col, n);
            int[] shape = model.indexed[s] ? new int[] {rows, n} : new int[] {rows};
            if (o.batch() != null) shape = prepend(samples, shape);
            series.put(name, new Tensor(shape, data));
            col += n;
        }
        return new Trajectory(
                new Tensor(new int[] {rows}, t),
                series,
                o.batch() == null ? 0 : samples,
                modelName,
                o.method().name().toLowerCase(),
                steps);
    }

    /** Elements [offset, offset + n) of each of the rows of width elements in from, row after row. */
    private static double[] column(double[] from, int rows, int width, int offset, int n) {
        double[] to = new double[rows * n];
        if (n >= 16) {
            for (int r = 0; r < rows; r++) System.arraycopy(from, r * width + offset, to, r * n, n);
        } else { // a few elements per row: a plain loop, not a call of arraycopy per row
            for (int r = 0; r < rows; r++) for (int i = 0; i < n; i++) to[r * n + i] = from[r * width + offset + i];
        }
        return to;
    }

    private static int[] prepend(int n, int[] shape) {
        int[] out = new int[shape.length + 1];
        out[0] = n;
        System.arraycopy(shape, 0, out, 1, shape.length);
        return out;
    }
}
