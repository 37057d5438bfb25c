package soma.bench;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import soma.SomaLanguage;
import soma.host.Contexts;
import soma.host.WarmUp;
import soma.numerics.Simulator;

/**
 * {@code bin/soma bench path [seconds]}: the user's path against the kernel, in one run (issue 20).
 * A script calls {@code simulate} (a batch over parameter rows) and {@code sweep} through the real
 * builtins; each call is timed from the script's side, and the kernel is the part of the same
 * call spent in the compiled integrator loops ({@link Simulator#lastTiming()}), at steady state.
 * Run it in a JVM of its own ({@code bin/soma bench path}): its first calls are a script's first
 * calls, the compiler still cold. Prints first, second and steady calls and their ratios.
 */
final class PathBench {
    private PathBench() {}

    static final String SCRIPT = """
            import stg
            seed(0)
            let z = stack([uniform(0.1, 20, [1000]), uniform(0.1, 20, [1000])], axis: 1)
            fn batch(threads) = simulate(STG(), params: z, over: ["g_el", "g_synA"], record: ["V"],
                                         steps: 200, dt: 0.025, method: euler, threads: threads)
            fn hub(run) = hub_frequency(run.V[:, :, 2], dt: 0.025)
            let grid = linspace(0.5, 20, 32)
            fn swept(threads) = sweep(STG(), over: {g_el: grid, g_synA: grid}, steps: 200, dt: 0.025,
                                      record: ["V"], threads: threads, statistic: hub).values
            """;

    /** One timed call: its wall time and the kernel's part of it, in seconds. */
    record Call(double wall, double kernel, double prepare, double gather) {}

    /**
     * @param warm as an interactive session (REPL, notebook) runs: the batch path's warm-up
     *     ({@link WarmUp#startInBackground}) has ended before the first call, as it does while
     *     a user writes the first lines
     */
    static void run(double seconds, boolean warm) {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(
                Locale.ROOT,
                "%-44s %9s %9s %9s %9s %8s %8s %8s%n",
                "user's path (ms per call)",
                "1st call",
                "2nd call",
                "steady",
                "kernel",
                "1st/st",
                "2nd/kern",
                "st/kern");
        // the first workload meets the cold compiler: a script's first call
        workload("simulate STG batch 1000 x 200, euler", "batch", cores, seconds, false, warm);
        workload("sweep STG 32 x 32 x 200 + hub frequency", "swept", cores, seconds, true, false);
        if (warm)
            System.out.println("--warm: the first workload's first call came after the batch path's warm-up ended.");
        System.out.println("kernel: the compiled integrator loops of the same calls at steady state (median);"
                + " steady: the script's calls at steady state (median);");
        System.out.println("sweep's kernel adds the statistic (hub frequency) as the script's own call of it takes."
                + " Goals: 2nd/kern <= 1.2, 1st/st <= 2.");
    }

    private static void workload(
            String name, String function, int threads, double seconds, boolean statistic, boolean warm) {
        try (Context context =
                Contexts.newContext(Contexts.Settings.defaults(), System.in, new ByteArrayOutputStream(), System.err)) {
            context.eval(Source.create(SomaLanguage.ID, SCRIPT));
            Value fn = context.getBindings(SomaLanguage.ID).getMember(function);
            Value hub = context.getBindings(SomaLanguage.ID).getMember("hub");
            Value batch = context.getBindings(SomaLanguage.ID).getMember("batch");
            double t = threads;
            if (warm) {
                WarmUp.startInBackground();
                try {
                    WarmUp.await(120_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Call first = call(fn, t);
            Call second = call(fn, t);
            long end = System.nanoTime() + (long) (seconds * 0.5e9);
            while (System.nanoTime() < end) call(fn, t);
            List<Call> calls = new ArrayList<>();
            end = System.nanoTime() + (long) (seconds * 0.5e9);
            do calls.add(call(fn, t));
            while (System.nanoTime() < end || calls.size() < 5);
            double steady = median(calls.stream().mapToDouble(Call::wall).toArray());
            double kernel = median(calls.stream().mapToDouble(Call::kernel).toArray());
            double prepare = median(calls.stream().mapToDouble(Call::prepare).toArray());
            double gather = median(calls.stream().mapToDouble(Call::gather).toArray());
            double stat = 0;
            if (statistic) {
                // the statistic on a trajectory of the same size, as the sweep calls it (steady state)
                Value run = batch.execute(t);
                List<Double> times = new ArrayList<>();
                for (int k = 0; k < Math.max(5, calls.size()); k++) {
                    long t0 = System.nanoTime();
                    hub.execute(run);
                    times.add((System.nanoTime() - t0) / 1e9);
                }
                stat = median(times.stream().mapToDouble(Double::doubleValue).toArray());
                kernel += stat;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %9.1f %9.1f %9.1f %9.1f %7.2fx %7.2fx %7.2fx%n",
                    name + ", " + threads + " thr",
                    first.wall * 1e3,
                    second.wall * 1e3,
                    steady * 1e3,
                    kernel * 1e3,
                    first.wall / steady,
                    second.wall / kernel,
                    steady / kernel);
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %9s prepare %.1f ms, gather %.1f ms%s; first call's kernel %.1f ms, second's %.1f ms%n",
                    "",
                    "",
                    prepare * 1e3,
                    gather * 1e3,
                    statistic ? String.format(Locale.ROOT, ", statistic %.1f ms", stat * 1e3) : "",
                    first.kernel * 1e3,
                    second.kernel * 1e3);
        }
    }

    private static Call call(Value fn, double threads) {
        long t0 = System.nanoTime();
        fn.execute(threads);
        double wall = (System.nanoTime() - t0) / 1e9;
        Simulator.Timing timing = Simulator.lastTiming();
        return new Call(wall, timing.integrate() / 1e9, timing.prepare() / 1e9, timing.gather() / 1e9);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }
}
