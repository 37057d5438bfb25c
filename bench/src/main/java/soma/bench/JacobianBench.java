package soma.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import soma.SomaContext;
import soma.SomaLanguage;
import soma.model.ModelInstance;

/**
 * Soma's STG Jacobian ({@code jacobian_of} on stdlib/stg.soma) against the one derived by hand
 * ({@link StgJacobian}), everything at the same 301 states of a trajectory: through the language
 * (a Soma loop calling J(y), with a new matrix each time or {@code into:} one matrix), J(Y) for
 * all states in one call, and the compiled kernel alone ({@link JacobianKernelBench}). Every
 * workload is warmed up before any is timed, so a background compilation queued by one does not
 * land in another's timing (the first compilations of a fresh JVM take seconds here); then all
 * are timed in interleaved rounds, and each ratio is the median of the ratios within a round.
 */
final class JacobianBench {
    static final String CODE = """
            import stg
            let stg_model = STG(g_el: 6, g_synA: 2)
            let stg_jacobian = jacobian_of(stg_model)
            let stg_run = simulate(stg_model, steps: 300, dt: 0.025, method: euler)
            let stg_path = stack(map(0..stg_run.V.shape[0], fn(k) = concat([stg_run.V[k], stg_run.N[k], stg_run.H[k]])))
            let stg_rows = map(0..stg_path.shape[0], fn(k) = stg_path[k])
            let stg_count = len(stg_rows)
            let stg_into = zeros(15, 15)
            fn stg_jacobians(n) {
                let J = nil
                for k in 0..n { J = stg_jacobian(stg_rows[k % stg_count]) }
                J
            }
            fn stg_jacobians_into(n) {
                for k in 0..n { stg_jacobian(stg_rows[k % stg_count], into: stg_into) }
                stg_into
            }
            fn stg_jacobians_along() = stg_jacobian(stg_path)
            """;
    private static final double CALLS = 10000; // a Soma number
    private static final double G_EL = 6;
    private static final double G_SYN_A = 2;

    private record Workload(String name, DoubleSupplier body, double jacobians, double share) {}

    private JacobianBench() {}

    static void run(Context context, double seconds) {
        context.eval(Source.create(SomaLanguage.ID, CODE));
        double[][] points = rows(numbers(context, "flatten(stg_path)"), 15);
        Value fresh = context.eval(Source.create(SomaLanguage.ID, "stg_jacobians"));
        Value into = context.eval(Source.create(SomaLanguage.ID, "stg_jacobians_into"));
        Value along = context.eval(Source.create(SomaLanguage.ID, "stg_jacobians_along"));
        context.enter(); // the kernel loop is a call target called from here, not through the polyglot API
        try {
            Object model = SomaContext.get(null).globals().lookup("stg_model").value;
            JacobianKernelBench kernel = new JacobianKernelBench((ModelInstance) model, points);
            double[] sums = new double[2];
            List<Workload> workloads = List.of(
                    new Workload(
                            "Soma loop, J = J(y) (a new matrix each)",
                            () -> {
                                fresh.execute(CALLS);
                                return 0;
                            },
                            CALLS,
                            1),
                    new Workload(
                            "Soma loop, J(y, into: M)",
                            () -> {
                                into.execute(CALLS);
                                return 0;
                            },
                            CALLS,
                            1),
                    new Workload(
                            "J(Y), all " + points.length + " states in one call",
                            () -> {
                                along.execute();
                                return 0;
                            },
                            points.length,
                            1),
                    new Workload(
                            "compiled kernel alone, in a Truffle loop",
                            () -> sums[0] = kernel.soma((int) CALLS),
                            CALLS,
                            1),
                    new Workload(
                            "(hand-written Java, a new array each)",
                            () -> kernel.javaFresh((int) CALLS, G_EL, G_SYN_A),
                            CALLS,
                            0.5),
                    new Workload(
                            "hand-written Java, same loop",
                            () -> sums[1] = kernel.java((int) CALLS, G_EL, G_SYN_A),
                            CALLS,
                            0.5));
            double unit = seconds / 10; // 5 shares to warm up, as much again for the timed rounds
            for (Workload w : workloads) IntegratorBench.warm(w.body(), unit * w.share());
            double[][] rounds = rounds(workloads, unit * 5);
            int javaIndex = workloads.size() - 1;
            double java = median(rounds, javaIndex, -1);
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %14s %14s %7s%n",
                    "STG Jacobian 15 x 15, per Jacobian",
                    "Soma",
                    "hand-written",
                    "ratio");
            for (int k = 0; k < javaIndex; k++) {
                System.out.printf(
                        Locale.ROOT,
                        "  %-42s %11.2f us %11.2f us %6.2fx%n",
                        workloads.get(k).name(),
                        median(rounds, k, -1) * 1e6,
                        java * 1e6,
                        median(rounds, k, javaIndex));
            }
            System.out.printf(
                    Locale.ROOT,
                    "  %-42s %14s %14s %6.2fx%n",
                    "J = J(y) / Java with a new array each",
                    "",
                    "",
                    median(rounds, 0, javaIndex - 1));
            if (Math.abs(sums[0] - sums[1]) > 1e-9 * Math.abs(sums[1]))
                throw new IllegalStateException("checksums differ: " + sums[0] + " vs " + sums[1]);
            double worst = Math.max(
                    kernel.difference(G_EL, G_SYN_A),
                    Math.max(
                            Math.max(
                                    difference(
                                            numbers(
                                                    context,
                                                    "flatten(stack(map(0..stg_count, fn(k) = stg_jacobian(stg_rows[k]))))"),
                                            points),
                                    difference(
                                            numbers(
                                                    context,
                                                    "flatten(stack(map(0..stg_count, fn(k) = stg_jacobian(stg_rows[k], into: ones(15, 15) * 7))))"),
                                            points)),
                            difference(numbers(context, "flatten(stg_jacobian(stg_path))"), points)));
            System.out.printf(
                    Locale.ROOT,
                    "  (max |Soma - hand-written| / max |hand-written| over all %d states and all four ways: %.1e)%n",
                    points.length,
                    worst);
            if (!(worst < 1e-12))
                throw new IllegalStateException("Soma's Jacobian differs from the hand-written one: " + worst);
        } finally {
            context.leave();
        }
    }

    /**
     * Seconds per Jacobian of every workload, timed in turn, round after round, for the given
     * time: a busy spell of the machine then slows all workloads of a round alike, and the
     * ratio of two workloads is taken within each round (rows: rounds; columns: workloads).
     */
    private static double[][] rounds(List<Workload> workloads, double seconds) {
        List<double[]> rounds = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        do {
            double[] round = new double[workloads.size()];
            for (int k = 0; k < round.length; k++) {
                long t0 = System.nanoTime();
                workloads.get(k).body().getAsDouble();
                round[k] = (System.nanoTime() - t0) / 1e9 / workloads.get(k).jacobians();
            }
            rounds.add(round);
        } while (System.nanoTime() < end || rounds.size() < 3);
        return rounds.toArray(new double[0][]);
    }

    /** The median over rounds of workload k's time, or of its ratio to workload over's time in the same round (over >= 0). */
    private static double median(double[][] rounds, int k, int over) {
        double[] v = new double[rounds.length];
        for (int r = 0; r < rounds.length; r++) v[r] = over < 0 ? rounds[r][k] : rounds[r][k] / rounds[r][over];
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** Largest difference of Soma's Jacobians (flat, one 15 x 15 block per point) from the hand-written ones, relative to their largest entry. */
    private static double difference(double[] soma, double[][] points) {
        double[] java = new double[225];
        double diff = 0;
        double scale = 0;
        for (int p = 0; p < points.length; p++) {
            StgJacobian.jacobian(points[p], G_EL, G_SYN_A, java);
            for (int i = 0; i < 225; i++) {
                diff = Math.max(diff, Math.abs(soma[p * 225 + i] - java[i]));
                scale = Math.max(scale, Math.abs(java[i]));
            }
        }
        return diff / scale;
    }

    /** The numbers of a flat Soma tensor expression, read back as text. */
    private static double[] numbers(Context context, String expression) {
        String text = context.eval(Source.create(SomaLanguage.ID, "join(list(" + expression + "), \" \")"))
                .asString();
        return Arrays.stream(text.trim().split(" "))
                .mapToDouble(Double::parseDouble)
                .toArray();
    }

    private static double[][] rows(double[] flat, int n) {
        double[][] out = new double[flat.length / n][];
        for (int p = 0; p < out.length; p++) out[p] = Arrays.copyOfRange(flat, p * n, p * n + n);
        return out;
    }
}
