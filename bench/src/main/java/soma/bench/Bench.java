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

/**
 * {@code soma bench}: Soma workloads timed with the Graal compiler and with compilation switched
 * off, in one run, so the ratio is not at the mercy of a noisy machine between runs.
 */
public final class Bench {
    /** A workload: Soma code defining {@code work()}, which returns a number. */
    record Workload(String name, String code) {}

    static final List<Workload> CORE =
            List.of(new Workload("numeric loop (200k iterations)", """
                    fn work() {
                        let s = 0
                        let x = 0.5
                        let i = 0
                        while i < 200000 {
                            s = s + x * i - s / 3
                            x = 1 - x
                            i = i + 1
                        }
                        s
                    }
                    """), new Workload("recursive fib(24)", """
                    fn fib(n) = if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
                    fn work() = fib(24)
                    """));

    private Bench() {}

    /** Started by {@code bin/soma bench [path [--warm]|peers|kernel|epi|flow|jacobian|calls|seconds]}. */
    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    public static int run(List<String> args) {
        if (!args.isEmpty() && args.get(0).equals("calls")) {
            return BuiltinCallBench.run(args.subList(1, args.size()));
        }
        if (!args.isEmpty() && args.get(0).equals("path")) {
            boolean warm = args.contains("--warm");
            List<String> rest = args.stream().filter(a -> !a.equals("--warm")).toList();
            PathBench.run(rest.size() > 1 ? Double.parseDouble(rest.get(1)) : 20, warm);
            return 0;
        }
        if (!args.isEmpty() && args.get(0).equals("peers")) {
            PeersBench.run(args.size() > 1 ? Double.parseDouble(args.get(1)) : 20);
            return 0;
        }
        if (!args.isEmpty() && args.get(0).equals(PeersBench.EPI_FIGURES)) { // bench peers' child JVM
            PeersBench.printEpiFigures(args.size() > 1 ? Double.parseDouble(args.get(1)) : 8);
            return 0;
        }
        if (!args.isEmpty() && args.get(0).equals("kernel")) {
            KernelProbe.run(args.size() > 1 ? Double.parseDouble(args.get(1)) : 10);
            return 0;
        }
        if (!args.isEmpty() && args.get(0).equals("epi")) {
            EpiBench.run(args.size() > 1 ? Double.parseDouble(args.get(1)) : 20);
            return 0;
        }
        if (!args.isEmpty() && args.get(0).equals("flow")) {
            FlowBench.run(args.size() > 1 ? Double.parseDouble(args.get(1)) : 12);
            return 0;
        }
        if (!args.isEmpty() && args.get(0).equals("jacobian")) {
            IntegratorBench.jacobianOnly(args.size() > 1 ? Double.parseDouble(args.get(1)) : 12);
            return 0;
        }
        double seconds = args.isEmpty() ? 12 : Double.parseDouble(args.get(0));
        System.out.printf(Locale.ROOT, "%-34s %14s %14s %8s%n", "workload", "Graal (ms)", "no JIT (ms)", "ratio");
        for (Workload w : CORE) {
            double compiled = time(w, true, seconds);
            double interpreted = time(w, false, seconds / 3);
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %14.3f %14.3f %7.1fx%n",
                    w.name(),
                    compiled,
                    interpreted,
                    interpreted / compiled);
        }
        System.out.println();
        IntegratorBench.run(seconds * 3);
        System.out.println();
        LinalgBench.run(seconds * 2);
        System.out.println();
        FlowBench.run(seconds);
        System.out.println();
        EpiBench.run(seconds * 2);
        return 0;
    }

    /** Median time of one call of work() after warming up for about half the budget. */
    static double time(Workload w, boolean compile, double budgetSeconds) {
        Contexts.Settings settings = Contexts.Settings.defaults().withCompilation(compile);
        try (Context context = Contexts.newContext(settings, System.in, new ByteArrayOutputStream(), System.err)) {
            context.eval(Source.create(SomaLanguage.ID, w.code()));
            Value fn = context.eval(Source.create(SomaLanguage.ID, "work"));
            long end = System.nanoTime() + (long) (budgetSeconds * 0.5e9);
            while (System.nanoTime() < end) fn.execute();
            List<Double> samples = new ArrayList<>();
            end = System.nanoTime() + (long) (budgetSeconds * 0.5e9);
            do {
                long t0 = System.nanoTime();
                fn.execute();
                samples.add((System.nanoTime() - t0) / 1e6);
            } while (System.nanoTime() < end || samples.size() < 3);
            samples.sort(Double::compare);
            return samples.get(samples.size() / 2);
        }
    }
}
