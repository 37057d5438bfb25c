package soma.bench;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.IntConsumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import soma.SomaLanguage;
import soma.host.Contexts;
import soma.random.Rng;
import soma.tensor.Tensor;

/**
 * Compiled Soma integrators against the same models hand-written in Java, in one run:
 * FitzHugh-Nagumo RK4 (a batch of parameter sets) on one core and on all cores, and the rate
 * network dx/dt = -x + W tanh(x) with N = 500, Euler. Prints sample-steps per second and ratios.
 */
final class IntegratorBench {
    private IntegratorBench() {}

    static final String MODELS = """
            import stg
            let g_el = uniform(0.1, 20, [1000])
            let g_synA = uniform(0.1, 20, [1000])
            fn stg_batch(steps, threads) = hub_frequency(simulate(STG(), steps: steps, dt: 0.025, method: euler, record: ["V"],
                params: {g_el: g_el, g_synA: g_synA}, threads: threads).V[:, :, 2], dt: 0.025)
            ode FitzHughNagumo(tau = 12.5, a = 0.7, b = 0.8, I = 0) {
                state v = -1, w = -0.5
                dv/dt = v - v^3 / 3 - w + I
                dw/dt = (v + a - b * w) / tau
            }
            network RateNetwork(N = 500, g = 1.5) {
                W = randn(N, N) * g / sqrt(N)
                state x[N] = randn(N)
                dx/dt = -x + W @ tanh(x)
            }
            let currents = linspace(0.2, 1.2, SAMPLES)
            fn fhn(threads) = simulate(FitzHughNagumo(), steps: STEPS, dt: 0.01, params: {I: currents}, every: 100, threads: threads)
            seed(1)
            let net = RateNetwork()
            fn fhn_sens(k) = simulate(FitzHughNagumo(), steps: STEPS, dt: 0.01, params: {I: currents}, every: 100, threads: 1,
                                      sensitivities: ["I", "a", "b", "tau"][0:k])
            fn rate_network() = simulate(net, steps: 2000, dt: 0.1, method: euler)
            fn rate_batch(threads) = simulate(net, steps: 2000, dt: 0.1, method: euler, params: {g: tensor([1.5, 1.6, 1.7, 1.8])}, threads: threads)
            """;

    static void run(double seconds) {
        int samples = 1000;
        int steps = 10000;
        int cores = Runtime.getRuntime().availableProcessors();
        try (Context context =
                Contexts.newContext(Contexts.Settings.defaults(), System.in, new ByteArrayOutputStream(), System.err)) {
            context.eval(Source.create(
                    SomaLanguage.ID, MODELS.replace("SAMPLES", "" + samples).replace("STEPS", "" + steps)));
            Value fhn = context.eval(Source.create(SomaLanguage.ID, "fhn"));
            Value network = context.eval(Source.create(SomaLanguage.ID, "rate_network"));
            // The same numbers as the script: linspace, and seed(1) then randn(N, N), randn(N).
            double[] currents = Tensor.linspace(0.2, 1.2, samples).realData();
            Rng rng = new Rng(1);
            double[] W = rng.randn(500, 500).mul(1.5 / Math.sqrt(500)).realData();
            double[] x0 = rng.randn(500).realData();
            double work = (double) samples * steps;
            System.out.printf(
                    Locale.ROOT, "%-44s %14s %14s %7s%n", "integrator (sample-steps/s)", "Soma", "Java", "ratio");
            for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
                double soma = median(
                        () -> {
                            fhn.execute((double) threads);
                            return 0;
                        },
                        seconds / 6);
                double java = median(() -> parallel(currents, threads, steps), seconds / 6);
                report("FitzHugh-Nagumo RK4, 1000 x 10000, " + threads + " thread(s)", work / soma, work / java);
            }
            Value sens = context.eval(Source.create(SomaLanguage.ID, "fhn_sens"));
            double plain = median(
                    () -> {
                        sens.execute(0.0);
                        return 0;
                    },
                    seconds / 8);
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %14s %14s%n",
                    "forward sensitivities, FHN RK4, 1 thread",
                    "time (s)",
                    "vs plain");
            for (int k = 1; k <= 4; k *= 2) {
                int kk = k;
                double with = median(
                        () -> {
                            sens.execute((double) kk);
                            return 0;
                        },
                        seconds / 8);
                System.out.printf(
                        Locale.ROOT,
                        "%-44s %14.3f %13.2fx  (goal <= %d)%n",
                        "  " + k + " parameter(s)",
                        with,
                        with / plain,
                        1 + k);
            }
            Value stg = context.eval(Source.create(SomaLanguage.ID, "stg_batch"));
            double[] gEl = stgConductances(0);
            double[] gSynA = stgConductances(1);
            for (int steps2 : new int[] {200, 800}) {
                for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
                    double somaStg = median(
                            () -> {
                                stg.execute((double) steps2, (double) threads);
                                return 0;
                            },
                            seconds / 3); // the 15-state model needs a few seconds to be compiled
                    double javaStg = median(
                            () -> onThreads(
                                    threads, first -> HandWritten.stgEuler(gEl, gSynA, first, threads, steps2, 0.025)),
                            seconds / 8);
                    report(
                            "STG + hub frequency, 1000 x " + steps2 + ", " + threads + " thread(s)",
                            1000.0 * steps2 / somaStg,
                            1000.0 * steps2 / javaStg);
                }
            }
            JacobianBench.run(context, seconds);
            double soma = median(
                    () -> {
                        network.execute();
                        return 0;
                    },
                    seconds / 6);
            double java = median(() -> HandWritten.rateNetworkEuler(W, x0, 2000, 0.1), seconds / 6);
            report("rate network N = 500, Euler, 2000 steps", 2000 / soma, 2000 / java);
            Value batch = context.eval(Source.create(SomaLanguage.ID, "rate_batch"));
            double somaBatch = median(
                    () -> {
                        batch.execute((double) cores);
                        return 0;
                    },
                    seconds / 6);
            double javaBatch = median(() -> networkBatch(W, x0, cores), seconds / 6);
            report("  4 networks, " + cores + " thread(s)", 4 * 2000 / somaBatch, 4 * 2000 / javaBatch);
        }
    }

    private static double parallel(double[] currents, int threads, int steps) {
        return onThreads(threads, first -> HandWritten.fhnRk4(currents, first, threads, steps, 0.01, 100));
    }

    /** Runs body(k) for k = 0 .. threads-1 on plain Java threads and waits for all. */
    private static double onThreads(int threads, IntConsumer body) {
        Thread[] ts = new Thread[threads];
        for (int k = 0; k < threads; k++) {
            int first = k;
            ts[k] = new Thread(() -> body.accept(first));
            ts[k].start();
        }
        for (Thread t : ts) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return 0;
    }

    /** Only the Jacobian comparison: {@code bin/soma bench jacobian [seconds]}. */
    static void jacobianOnly(double seconds) {
        try (Context context =
                Contexts.newContext(Contexts.Settings.defaults(), System.in, new ByteArrayOutputStream(), System.err)) {
            JacobianBench.run(context, seconds);
        }
    }

    /** The script's g_el (which = 0) and g_synA (1): seed 0's uniform(0.1, 20, [1000]) draws, in order. */
    private static double[] stgConductances(int which) {
        Rng rng = new Rng(0);
        double[] first = rng.uniform(0.1, 20, 1000).realData();
        double[] second = rng.uniform(0.1, 20, 1000).realData();
        return which == 0 ? first : second;
    }

    /** Four networks (W scaled by 1.6/1.5 ... 1.8/1.5, as the Soma batch over g does), split over threads. */
    private static double networkBatch(double[] W, double[] x0, int threads) {
        double[] gains = {1.5, 1.6, 1.7, 1.8};
        return onThreads(threads, first -> {
            for (int s = first; s < gains.length; s += threads) {
                double[] scaled = W.clone();
                for (int i = 0; i < scaled.length; i++) scaled[i] *= gains[s] / 1.5;
                HandWritten.rateNetworkEuler(scaled, x0, 2000, 0.1);
            }
        });
    }

    private static void report(String what, double soma, double java) {
        System.out.printf(Locale.ROOT, "%-44s %14.3e %14.3e %6.2fx%n", what, soma, java, soma / java);
    }

    /** Median seconds of one call, after warming up for half the budget (Graal needs a few seconds). */
    static double median(DoubleSupplier body, double budget) {
        warm(body, budget / 2);
        return measure(body, budget / 2);
    }

    /** Calls body for the given time (at least twice), so Graal sees it hot. */
    static void warm(DoubleSupplier body, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int warm = 0;
        while (System.nanoTime() < end || warm < 2) {
            body.getAsDouble();
            warm++;
        }
    }

    /** Median seconds of one call over the given time (at least three calls). */
    static double measure(DoubleSupplier body, double seconds) {
        List<Double> times = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        do {
            long t0 = System.nanoTime();
            body.getAsDouble();
            times.add((System.nanoTime() - t0) / 1e9);
        } while (System.nanoTime() < end || times.size() < 3);
        times.sort(Double::compare);
        return times.get(times.size() / 2);
    }
}
