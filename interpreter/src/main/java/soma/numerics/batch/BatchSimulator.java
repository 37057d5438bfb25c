package soma.numerics.batch;

import java.util.concurrent.atomic.AtomicInteger;
import soma.model.nodes.Rhs;

/**
 * Integrates a batch of samples with the samples innermost: chunks of {@link #chunk()} samples,
 * each state element a row, each step a sequence of loops over the chunk that C2 vectorises
 * ({@link BatchProgram}). Forward Euler and RK4 only, with the scalar path's arithmetic and
 * recording layout (sample after sample, each its rows of the recorded elements, in one array), so
 * {@code Simulator} gathers the result unchanged.
 *
 * <p>Not done here, and left to the scalar path (which the caller runs when {@link #run} returns
 * null): the adaptive method (every sample would need its own step), single runs and batches of
 * fewer than {@link #MIN_SAMPLES} samples, matrices that differ between samples, and runs where a
 * state becomes NaN or infinite (the scalar path reports the first such sample, time and element).
 * {@code -Dsoma.batch=false} switches the batch path off.
 */
public final class BatchSimulator {
    private BatchSimulator() {}

    public static final int MIN_SAMPLES = 16;

    private static volatile boolean enabled = !"false".equals(System.getProperty("soma.batch"));

    /** For tests and benchmarks: compare with the scalar path in the same process. */
    public static void setEnabled(boolean on) {
        enabled = on;
    }

    public static boolean enabled() {
        return enabled;
    }

    private static final java.util.concurrent.atomic.AtomicLong COMPLETED =
            new java.util.concurrent.atomic.AtomicLong();

    private static volatile long lastNanos;

    /** Looked up once: ManagementFactory finds it anew on every call, and run() asks twice per call. */
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static long threadCpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /**
     * The time of the last completed batch run (lowering and integration, not the caller's setup
     * or gathering): CPU time of the calling thread when it ran on one thread, else wall time.
     */
    public static long lastNanos() {
        return lastNanos;
    }

    /** How many simulations the batch path has completed in this process (tests check it ran). */
    public static long completed() {
        return COMPLETED.get();
    }

    /** Generated code for the step (fused loops); -Dsoma.batch.generate=false runs the operations one by one. */
    static volatile boolean GENERATE = !"false".equals(System.getProperty("soma.batch.generate"));

    /** For tests: the operations one by one (false) or generated code (true). */
    public static void setGenerate(boolean on) {
        GENERATE = on;
    }

    /** How many step kernels have been generated in this process. */
    public static long generated() {
        return BatchCodegen.generated();
    }

    /** Lowered programs by model, method, step, the constants equal in all samples, and the modes. */
    private static final java.util.Map<Object, BatchProgram> PROGRAMS = new java.util.concurrent.ConcurrentHashMap<>();

    private record Key(String model, int stages, long h, boolean exact, int loops, java.util.List<Object> constants) {}

    /** Wraps an array so that keys compare contents. */
    private record Values(double[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Values w && java.util.Arrays.equals(v, w.v);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(v);
        }
    }

    private static Object key(
            String model, double[][][] constants, int stages, double h, boolean exact, boolean generate) {
        java.util.List<Object> parts = new java.util.ArrayList<>();
        boolean[] uniform = BatchLowering.uniformSlots(constants);
        for (int slot = 0; slot < uniform.length; slot++)
            parts.add(uniform[slot] ? new Values(constants[0][slot]) : "varies");
        return new Key(
                model, stages, Double.doubleToRawLongBits(h), exact, generate ? BatchLowering.maxLoops : -1, parts);
    }

    private static final ThreadLocal<Boolean> EXACT = ThreadLocal.withInitial(() -> false);

    private static final ThreadLocal<Boolean> ANY_SIZE = ThreadLocal.withInitial(() -> false);

    private static final ThreadLocal<Boolean> WARM_UP = ThreadLocal.withInitial(() -> false);

    /**
     * Batches started on this thread are a session's background warm-up ({@code soma.host.WarmUp}):
     * their programs are not cached (they would push the user's out of the cache), nothing is
     * traced, and the timings that benchmarks read are left alone.
     */
    public static void warmUpOnThisThread() {
        WARM_UP.set(true);
    }

    /** True on a warm-up's thread ({@link #warmUpOnThisThread}). */
    public static boolean warmingUp() {
        return WARM_UP.get();
    }

    /**
     * Runs body with batches started on this thread taking the batch path at any size, even under
     * {@link #MIN_SAMPLES}: for the slices of a larger batch (a sweep split into partitions), whose
     * values must equal those of the whole batch bit for bit. The batch path's functions are not
     * the scalar path's in the last bits, so a slice must not fall back to the scalar path only
     * because it is small.
     */
    public static <T> T atAnySize(java.util.function.Supplier<T> body) {
        boolean before = ANY_SIZE.get();
        ANY_SIZE.set(true);
        try {
            return body.get();
        } finally {
            ANY_SIZE.set(before);
        }
    }

    /**
     * Runs body with the platform's Math functions in batches started on this thread (the scalar
     * path's results, bit for bit; the arithmetic is still vectorised, the functions are not): for
     * tests, and for {@code bench kernel} to measure what FastMath saves.
     */
    public static <T> T exactly(java.util.function.Supplier<T> body) {
        boolean before = EXACT.get();
        EXACT.set(true);
        try {
            return body.get();
        } finally {
            EXACT.set(before);
        }
    }

    /**
     * Samples per chunk at most: rows of this length stay in the core's L2 cache (STG: 87 rows of
     * 4 KB), and every operation's loop has a fixed cost (its call, the loops before and after the
     * vectorised one) that a longer row spreads over more samples; measured (bench kernel), 512 is
     * 1.15x faster than 256 on STG, 128 is 1.2x slower.
     */
    static int chunk() {
        return Integer.getInteger("soma.batch.chunk", 512);
    }

    /**
     * The chunk length for this many samples per thread: as few chunks as {@link #chunk()} allows,
     * of even lengths (300 samples: one chunk of 304, not 256 and 44, whose short second chunk
     * would cost nearly as much as the first), a multiple of 8 (one vector).
     */
    static int chunkFor(int perThread) {
        int max = Math.max(8, chunk());
        int chunks = (perThread + max - 1) / max;
        int even = (perThread + chunks - 1) / Math.max(1, chunks);
        return Math.max(8, Math.min(max, (even + 7) / 8 * 8));
    }

    /**
     * @param modelKey the compiled model's key (its structure and folded values), to reuse the
     *     lowered program when the same model runs again with the same constants, or null
     * @param stages 1 (forward Euler) or 4 (RK4); anything else returns null
     * @param runner runs the workers on threads other than the caller's and waits for them,
     *     interruptibly (Ctrl-C); the workers stop at their next step when it returns or throws
     * @param sampleSteps counts the sample-steps done, for a progress display (or null)
     * @return the recorded rows, sample after sample (samples x maxRows x recorded.length, one
     *     array: no array per sample for the collector to copy while the batch runs), or null when
     *     the scalar path must run instead
     */
    public static double[] run(
            String modelKey,
            Rhs rhs,
            int stateSize,
            double[][][] constants,
            double[][] initial,
            int stages,
            double t0,
            double dt,
            long steps,
            int every,
            int[] recorded,
            int maxRows,
            int threads,
            java.util.function.Consumer<Runnable[]> runner,
            java.util.concurrent.atomic.AtomicLong sampleSteps) {
        long started = System.nanoTime(), cpu0 = threadCpu();
        int samples = initial.length;
        if (!enabled || (samples < MIN_SAMPLES && !ANY_SIZE.get()) || (stages != 1 && stages != 4)) return null;
        boolean exact = EXACT.get(), generate = GENERATE;
        Object key = modelKey == null ? null : key(modelKey, constants, stages, dt, exact, generate);
        BatchProgram known = key == null ? null : PROGRAMS.get(key);
        if (known == null) {
            try {
                known = BatchProgram.lower(rhs, stateSize, constants, stages, dt, generate, exact);
            } catch (BatchProgram.Unsupported e) {
                return null;
            }
            if (key != null && !WARM_UP.get()) {
                if (PROGRAMS.size() > 64) PROGRAMS.clear();
                PROGRAMS.put(key, known);
            }
        }
        BatchProgram program = known;
        if (Boolean.getBoolean("soma.batch.trace") && !WARM_UP.get()) {
            double millis = (System.nanoTime() - started) / 1e6; // before describe(), which is not the lowering's
            System.err.println("batch: " + program.describe() + ", lowered (or found) in " + millis + " ms");
        }
        // chunks of at most chunk() samples, as even as the threads need (300 samples on 2 threads: 2 x 150)
        int perThread = (samples + Math.max(1, threads) - 1) / Math.max(1, threads);
        int chunk = chunkFor(perThread);
        int chunks = (samples + chunk - 1) / chunk;
        int workers = Math.max(1, Math.min(threads, chunks));
        double[] out = new double[samples * maxRows * recorded.length];
        AtomicInteger nextChunk = new AtomicInteger();
        boolean[] diverged = new boolean[workers];
        RuntimeException[] crashes = new RuntimeException[workers];
        Runnable[] work = new Runnable[workers];
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        long[] cpu = new long[workers];
        for (int k = 0; k < workers; k++) {
            int me = k;
            work[k] = () -> {
                long mine = threadCpu();
                try {
                    Worker w = new Worker(program, chunk, recorded, stop, sampleSteps);
                    // after an interrupt (stop), no further chunk is started
                    for (int c = nextChunk.getAndIncrement();
                            c < chunks && !stop.get();
                            c = nextChunk.getAndIncrement()) {
                        int first = c * chunk;
                        int n = Math.min(chunk, samples - first);
                        if (!w.integrate(constants, initial, first, n, t0, dt, steps, every, maxRows, out)) {
                            diverged[me] = true;
                            return;
                        }
                    }
                } catch (RuntimeException e) {
                    crashes[me] = e;
                } finally {
                    cpu[me] = threadCpu() - mine;
                }
            };
        }
        try {
            runner.accept(work);
        } finally {
            stop.set(true);
        }
        for (RuntimeException e : crashes) if (e != null) throw e;
        for (boolean d : diverged) if (d) return null;
        COMPLETED.incrementAndGet();
        if (!WARM_UP.get()) lastNanos = workers == 1 && cpu0 >= 0 ? cpu[0] : System.nanoTime() - started;
        return out;
    }

    /**
     * Runs program on this thread for one chunk of samples from the given initial states,
     * recording the first state element every step (as a simulate call records; more rows than
     * a block holds): the batch path's loops as a call runs them ({@link BatchWarmup}). False if
     * a state became non-finite.
     */
    static boolean integrateForWarmup(BatchProgram program, int chunk, double[][] initial, int steps) {
        int n = initial.length, every = 1, rows = steps / every + 1;
        // with a progress count, as a call has: a branch never taken here would be compiled as
        // a trap, and the first real call would throw the compiled code away
        Worker w = new Worker(
                program,
                chunk,
                new int[] {0},
                new java.util.concurrent.atomic.AtomicBoolean(),
                new java.util.concurrent.atomic.AtomicLong());
        return w.integrate(new double[n][0][], initial, 0, n, 0, 0.01, steps, every, rows, new double[n * rows]);
    }

    /** One thread's rows: the state, the next state and the program's frame. */
    private static final class Worker {
        final BatchProgram.Frame frame;
        final int size;
        double[][] y, next;
        final double[] acc;
        /**
         * Recorded rows not yet in the output: up to {@link #blockRows} rows, element j of
         * row r at ((r * width + j) * chunk + i) for sample i. Writing each recorded row straight
         * into the samples' parts of the output touched a new cache line of every sample's part each step or
         * two, a few hundred scattered streams (STG: ~30% of the kernel's time); from the block,
         * each sample's part is written as one run of adjacent values.
         */
        final double[] block;

        final int chunk, blockRows;
        int buffered, firstBuffered;
        final int[] recorded;

        final java.util.concurrent.atomic.AtomicBoolean stop;
        /** Sample-steps done, for the caller's progress display; null if it shows none. */
        final java.util.concurrent.atomic.AtomicLong done;

        Worker(
                BatchProgram program,
                int chunk,
                int[] recorded,
                java.util.concurrent.atomic.AtomicBoolean stop,
                java.util.concurrent.atomic.AtomicLong done) {
            this.stop = stop;
            this.done = done;
            this.frame = program.new Frame(chunk);
            this.size = program.stateSize;
            this.y = new double[size][chunk];
            this.next = new double[size][chunk];
            this.acc = new double[chunk];
            this.chunk = chunk;
            // 16 rows, or fewer when many elements are recorded (at most 512 KB, unless one row is more)
            this.blockRows = Math.max(1, Math.min(16, (1 << 16) / Math.max(1, recorded.length * chunk)));
            this.block = new double[blockRows * recorded.length * chunk];
            this.recorded = recorded;
        }

        /** Samples [first, first + n); false if a state became NaN or infinite. */
        boolean integrate(
                double[][][] constants,
                double[][] initial,
                int first,
                int n,
                double t0,
                double h,
                long steps,
                int every,
                int maxRows,
                double[] out) {
            for (int e = 0; e < size; e++) {
                double[] row = y[e];
                for (int i = 0; i < n; i++) row[i] = initial[first + i][e];
            }
            frame.loadConstants(constants, first, n);
            int rows = 0;
            record(out, first, n, maxRows, rows++);
            double[] acc = this.acc;
            java.util.Arrays.fill(acc, 0, n, 0.0);
            int untilRecord = every;
            for (long step = 0; step < steps; step++) {
                if (stop.get()) { // the caller has stopped waiting (interrupted)
                    buffered = 0;
                    return true;
                }
                double t = t0 + step * h;
                frame.step(t, h, y, next, n);
                double[][] swap = y;
                y = next;
                next = swap;
                if (--untilRecord == 0) {
                    untilRecord = every;
                    record(out, first, n, maxRows, rows++);
                }
                if (done != null) done.addAndGet(n);
            }
            if (buffered > 0) flush(out, first, n, maxRows);
            // Checked once, at the end: a state that becomes infinite or NaN stays so, since every
            // step computes it as y + c k (Euler, RK4) and inf + x is inf or NaN, NaN + x NaN.
            for (int e = 0; e < size; e++) {
                double[] row = y[e];
                for (int i = 0; i < n; i++) acc[i] += row[i] * 0;
            }
            for (int i = 0; i < n; i++) if (acc[i] != 0 || Double.isNaN(acc[i])) return false;
            return true;
        }

        private void record(double[] out, int first, int n, int maxRows, int row) {
            int width = recorded.length;
            if (buffered == 0) firstBuffered = row;
            for (int j = 0; j < width; j++)
                System.arraycopy(y[recorded[j]], 0, block, (buffered * width + j) * chunk, n);
            if (++buffered == blockRows) flush(out, first, n, maxRows);
        }

        /** The buffered rows into the samples' parts of out, sample by sample. */
        private void flush(double[] out, int first, int n, int maxRows) {
            int width = recorded.length, values = buffered * width, chunk = this.chunk;
            double[] block = this.block;
            for (int i = 0; i < n; i++) {
                int base = ((first + i) * maxRows + firstBuffered) * width;
                for (int q = 0; q < values; q++) out[base + q] = block[q * chunk + i];
            }
            buffered = 0;
        }
    }
}
