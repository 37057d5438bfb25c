package soma.bench;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import soma.SomaLanguage;
import soma.host.Contexts;
import soma.numerics.batch.BatchSimulator;
import soma.random.Rng;
import soma.tensor.Tensor;

/**
 * {@code soma bench peers}: the issue-20 table in one run. Soma (as a script calls it, and its
 * batch kernel alone), hand-written Java (scalar, and struct-of-arrays vectorised) and the peers
 * written independently in Python (bench/peers: numpy vectorised over the batch on one thread,
 * PyTorch for the EPI iteration), on FitzHugh-Nagumo RK4 1000 x 10,000, STG Euler 1000 x 200 +
 * hub frequency and one STG EPI iteration. Rates are sample-steps per second; every figure is the
 * best of its repetitions, in CPU time of the process for work on one thread (numpy's too: its
 * process time), in wall time for work on several threads and for the EPI iterations.
 */
final class PeersBench {
    private PeersBench() {}

    static final String SCRIPT = """
            import stg
            ode FitzHughNagumo(tau = 12.5, a = 0.7, b = 0.8, I = 0) {
                state v = -1, w = -0.5
                dv/dt = v - v^3 / 3 - w + I
                dw/dt = (v + a - b * w) / tau
            }
            let currents = linspace(0.2, 1.2, 1000)
            fn fhn(threads) = simulate(FitzHughNagumo(), steps: 10000, dt: 0.01, params: {I: currents}, every: 100, threads: threads)
            let g_el = uniform(0.1, 20, [1000])
            let g_synA = uniform(0.1, 20, [1000])
            fn stg(threads) = hub_frequency(simulate(STG(), steps: 200, dt: 0.025, method: euler, record: ["V"],
                params: {g_el: g_el, g_synA: g_synA}, threads: threads).V[:, :, 2], dt: 0.025)
            """;

    static void run(double seconds) {
        Path home = Path.of(System.getProperty("soma.home", "."));
        Path peers = home.resolve("bench/peers");
        System.out.println("peers (python3 " + peers + "): numpy on one thread, PyTorch on 2 threads ...");
        Map<String, Double> numpy = python(peers, "numpy_peers.py", "2");
        Map<String, Double> torch = python(peers, "torch_epi.py", "300", "12");
        int cores = Runtime.getRuntime().availableProcessors();
        double[] currents = Tensor.linspace(0.2, 1.2, 1000).realData();
        Rng rng = new Rng(0);
        double[] gEl = rng.uniform(0.1, 20, 1000).realData();
        double[] gSynA = rng.uniform(0.1, 20, 1000).realData();
        double fhnWork = 1000.0 * 10000, stgWork = 1000.0 * 200;
        Map<String, double[]> rows = new LinkedHashMap<>();
        try (Context context =
                Contexts.newContext(Contexts.Settings.defaults(), System.in, new ByteArrayOutputStream(), System.err)) {
            context.eval(Source.create(SomaLanguage.ID, SCRIPT));
            Value fhn = context.eval(Source.create(SomaLanguage.ID, "fhn"));
            Value stg = context.eval(Source.create(SomaLanguage.ID, "stg"));
            double[] kernel = {Double.MAX_VALUE};
            DoubleSupplier fhn1 = () -> {
                fhn.execute(1.0);
                kernel[0] = Math.min(kernel[0], BatchSimulator.lastNanos() / 1e9);
                return 0;
            };
            double fhnScript1 = best(fhn1, seconds);
            double fhnKernel = kernel[0];
            double fhnScript2 = bestWall(() -> call(fhn, (double) cores), seconds / 2);
            double fhnScalar = best(() -> HandWritten.fhnRk4(currents, 0, 1, 10000, 0.01, 100), seconds / 2);
            double fhnSoa = Math.min(
                    best(() -> HandWrittenBatch.fhnRk4(currents, 0, 1, 10000, 0.01, 100), seconds / 2),
                    best(() -> HandWrittenBatch.fhnRk4Fused(currents, 0, 1, 10000, 0.01, 100), seconds / 2));
            BatchSimulator.setEnabled(false);
            double fhnOld = best(() -> call(fhn, 1.0), seconds / 2);
            BatchSimulator.setEnabled(true);
            rows.put("FitzHugh-Nagumo RK4, 1000 x 10,000 steps", new double[] {
                numpy.getOrDefault("fhn_rk4", Double.NaN),
                fhnWork / fhnScript1,
                fhnWork / fhnScript2,
                fhnWork / fhnKernel,
                fhnWork / fhnScalar,
                fhnWork / fhnSoa,
                fhnWork / fhnOld
            });
            kernel[0] = Double.MAX_VALUE;
            DoubleSupplier stg1 = () -> {
                stg.execute(1.0);
                kernel[0] = Math.min(kernel[0], BatchSimulator.lastNanos() / 1e9);
                return 0;
            };
            double stgScript1 = best(stg1, seconds);
            double stgKernel = kernel[0];
            double stgScript2 = bestWall(() -> call(stg, (double) cores), seconds / 2);
            double stgScalar = best(() -> HandWritten.stgEuler(gEl, gSynA, 0, 1, 200, 0.025), seconds / 2);
            double stgSoa = best(() -> HandWrittenBatch.stgEuler(gEl, gSynA, 0, 1, 200, 0.025), seconds / 2);
            BatchSimulator.setEnabled(false);
            double stgOld = best(() -> call(stg, 1.0), seconds / 2);
            BatchSimulator.setEnabled(true);
            rows.put("STG Euler, 1000 x 200 steps + hub frequency", new double[] {
                numpy.getOrDefault("stg_euler_hub", Double.NaN),
                stgWork / stgScript1,
                stgWork / stgScript2,
                stgWork / stgKernel,
                stgWork / stgScalar,
                stgWork / stgSoa,
                stgWork / stgOld
            });
        }
        double[][] both = epiInItsOwnJvm(seconds);
        double[] epi = both[0], paper = both[1];
        System.out.println();
        System.out.println(
                "| workload (sample-steps/s) | numpy, 1 thread | Soma script, 1 thread | Soma script, " + cores
                        + " threads (wall) | Soma kernel, 1 thread | Java scalar, 1 thread | Java SoA vectorised, 1 thread"
                        + " | Soma scalar path (before), 1 thread | Soma script / numpy (per core) | Soma kernel / best Java |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            double[] r = e.getValue();
            double bestJava = Math.max(r[4], r[5]);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.3g | %.3g | %.3g | %.3g | %.3g | %.3g | %.3g | %.2fx | %.2fx |%n",
                    e.getKey(),
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    r[5],
                    r[6],
                    r[1] / r[0],
                    r[3] / bestJava);
        }
        double pt = torch.getOrDefault("epi_iteration_ms", Double.NaN);
        System.out.printf(
                Locale.ROOT,
                "| one STG EPI iteration, batch 300, T = 200, planar flow (ms) | PyTorch %.1f ms (%d threads) | Soma %.1f ms"
                        + " (%d cores; simulation + sensitivities + statistic %.1f ms, plain simulation %.1f ms) | | | | | | %.1fx PyTorch | |%n",
                pt,
                2,
                epi[0],
                cores,
                epi[1],
                epi[2],
                pt / epi[0]);
        System.out.printf(
                Locale.ROOT,
                "| one STG EPI iteration, paper setting (batch 400, T = 300, Real NVP) (ms) | - | Soma %.1f ms"
                        + " (simulation + sensitivities + statistic %.1f ms) | | | | | | | |%n",
                paper[0],
                paper[1]);
    }

    private static double call(Value f, double arg) {
        f.execute(arg);
        return 0;
    }

    private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /**
     * The best time of one call (seconds) over the budget, after a warm-up of a third of it: the
     * process's CPU time for work on one thread (the machine is shared; CPU time is what one core
     * spends, whoever else runs), wall time for work on several.
     */
    static double best(DoubleSupplier body, double seconds) {
        return best(body, seconds, true);
    }

    static double bestWall(DoubleSupplier body, double seconds) {
        return best(body, seconds, false);
    }

    private static double best(DoubleSupplier body, double seconds, boolean cpu) {
        IntegratorBench.warm(body, seconds / 3);
        // the process's CPU time ticks in 10 ms steps here: time enough calls together (>= 0.3 s)
        long w0 = System.nanoTime();
        body.getAsDouble();
        double once = (System.nanoTime() - w0) / 1e9;
        int reps = cpu ? (int) Math.max(1, Math.ceil(0.3 / Math.max(once, 1e-4))) : 1;
        double best = Double.MAX_VALUE;
        long end = System.nanoTime() + (long) (seconds * 2 / 3 * 1e9);
        int n = 0;
        do {
            long t0 = cpu ? OS.getProcessCpuTime() : System.nanoTime();
            for (int r = 0; r < reps; r++) body.getAsDouble();
            best = Math.min(best, ((cpu ? OS.getProcessCpuTime() : System.nanoTime()) - t0) / 1e9 / reps);
            n++;
        } while (System.nanoTime() < end || n < 3);
        return best;
    }

    /**
     * The EPI iterations (seed and paper setting) measured in a JVM of their own, as
     * {@code bin/soma bench epi} measures them: after the other workloads in this JVM, they read
     * a third slower (27.0 against 20.3 ms), the compiled code and the heap shaped by those.
     * Falls back to this JVM when its command line cannot be read.
     */
    static double[][] epiInItsOwnJvm(double seconds) {
        var info = ProcessHandle.current().info();
        List<String> self = new ArrayList<>();
        info.command().ifPresent(self::add);
        info.arguments().ifPresent(a -> self.addAll(List.of(a)));
        int main = self.indexOf(Bench.class.getName());
        if (main > 0) {
            List<String> cmd = new ArrayList<>(self.subList(0, main + 1));
            // a cold JVM: as long as bin/soma bench epi 12 takes, or the compiler is still at work
            cmd.addAll(List.of(EPI_FIGURES, Double.toString(Math.max(seconds, 12))));
            Map<String, double[]> figures = new LinkedHashMap<>();
            try {
                int exit = run(cmd, null, line -> {
                    String[] parts = fields(line);
                    if (parts.length == 5 && parts[0].startsWith("epi-")) {
                        double[] v = new double[4];
                        for (int k = 0; k < 4; k++) v[k] = Double.parseDouble(parts[k + 1]);
                        figures.put(parts[0], v);
                    }
                });
                if (exit == 0 && figures.size() == 2)
                    return new double[][] {figures.get("epi-seed"), figures.get("epi-paper")};
                System.out.println("  EPI in its own JVM failed (exit " + exit + "): measured in this one");
            } catch (Exception e) {
                System.out.println("  EPI in its own JVM did not run (" + e + "): measured in this one");
            }
        }
        return new double[][] {
            EpiBench.iterationMillis(EpiBench.SETUP, seconds), EpiBench.iterationMillis(EpiBench.PAPER_SETUP, seconds)
        };
    }

    /** The child's command: prints 'epi-seed ms grad base rounds' and 'epi-paper ...' lines. */
    static final String EPI_FIGURES = "epi-figures";

    static void printEpiFigures(double seconds) {
        for (String[] setting : new String[][] {{"epi-seed", EpiBench.SETUP}, {"epi-paper", EpiBench.PAPER_SETUP}}) {
            double[] v = EpiBench.iterationMillis(setting[1], seconds);
            System.out.printf(Locale.ROOT, "%s %.6f %.6f %.6f %.0f%n", setting[0], v[0], v[1], v[2], v[3]);
        }
    }

    /** Runs a peer script with /usr/bin/python3 (Debian's numpy and torch) and reads its 'name value' lines. */
    static Map<String, Double> python(Path dir, String script, String... args) {
        Map<String, Double> out = new LinkedHashMap<>();
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        List<String> cmd = new ArrayList<>(List.of(python, script));
        cmd.addAll(List.of(args));
        try {
            run(cmd, new File(dir.toString()), line -> {
                String[] parts = fields(line);
                if (parts.length == 2) {
                    try {
                        out.put(parts[0], Double.parseDouble(parts[1]));
                        System.out.println("  " + script + ": " + line);
                        return;
                    } catch (NumberFormatException e) {
                        // not a result line
                    }
                }
                System.out.println("  " + script + "| " + line);
            });
        } catch (Exception e) {
            System.out.println("  " + script + " did not run: " + e);
        }
        return out;
    }

    /**
     * Runs cmd (in dir, or here when null), stdout and stderr together, giving each line to
     * lines; returns the exit status.
     */
    static int run(List<String> cmd, File dir, java.util.function.Consumer<String> lines) throws Exception {
        Process p =
                new ProcessBuilder(cmd).directory(dir).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) lines.accept(line);
        }
        return p.waitFor();
    }

    private static String[] fields(String line) {
        return line.trim().split("\\s+");
    }
}
