package soma.bench;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import soma.launcher.Runtime;

/**
 * One EPI iteration of examples/stg_epi.soma at the seed's size (batch 300, T = 200 Euler steps,
 * 10 planar layers): sample, simulate with sensitivities, statistic and its directional
 * derivatives, gradient, Adam. Measured as the difference between epi runs of different lengths
 * (so the fixed costs of a run cancel), with a breakdown of the model evaluation.
 */
final class EpiBench {
    private EpiBench() {}

    static final String SETUP = "import stg\n" + FlowBench.SEED_FLOW + """
            constraint MediumHubFrequency(sim) {
                f = hub_frequency(sim.V[:, :, 2], dt: 0.025)
                mean(f) == 0.525
                std(f) == 0.025
            }
            let over = ["g_el", "g_synA"]
            let q = PlanarFlow().fit(gaussian(mean: [4, 4], std: 3), iterations: 300, batch: 500)
            let z = q.sample(300)
            fn run(k) = epi(STG(), over: over, flow: q, property: MediumHubFrequency, steps: 200, dt: 0.025, method: euler,
                            epochs: 1, iterations: k, batch: 300, test_batch: 2, lr: 0.0001, until_converged: false, quiet: true)
            fn gradients() = property_statistics(STG(), MediumHubFrequency, z, over: over, steps: 200, dt: 0.025, method: euler, gradients: true)
            fn plain() = property_statistics(STG(), MediumHubFrequency, z, over: over, steps: 200, dt: 0.025, method: euler)
            """;

    static void run(double seconds) {
        System.out.println("EPI iteration, STG (batch 300, T = 200, 10 planar layers), " + java.lang.Runtime.getRuntime().availableProcessors() + " cores");
        try (Context context = Runtime.newContext(Runtime.Settings.defaults(), System.in, new ByteArrayOutputStream(), System.err)) {
            context.eval("soma", SETUP);
            Value run = context.eval("soma", "run"), gradients = context.eval("soma", "gradients"), plain = context.eval("soma", "plain");
            long end = System.nanoTime() + (long) (seconds * 0.3e9);
            while (System.nanoTime() < end) run.execute(5.0); // warm-up: compile the integrators and the flow code
            double iteration = Double.MAX_VALUE, grad = Double.MAX_VALUE, base = Double.MAX_VALUE;
            end = System.nanoTime() + (long) (seconds * 0.7e9);
            int rounds = 0;
            do {
                double shortRun = millis(run, 2), longRun = millis(run, 12);
                iteration = Math.min(iteration, (longRun - shortRun) / 10);
                grad = Math.min(grad, millis(gradients, -1));
                base = Math.min(base, millis(plain, -1));
                rounds++;
            } while (System.nanoTime() < end || rounds < 2);
            System.out.printf(Locale.ROOT, "  one EPI iteration                       %8.1f ms (best of %d; goal 70 ms)%n", iteration, rounds);
            System.out.printf(Locale.ROOT, "  of which simulate + sensitivities + statistic and its derivatives %8.1f ms%n", grad);
            System.out.printf(Locale.ROOT, "  plain simulation + statistic (no gradients)                        %8.1f ms%n", base);
        }
    }

    private static double millis(Value f, int k) {
        long t0 = System.nanoTime();
        if (k < 0) f.execute();
        else f.execute((double) k);
        return (System.nanoTime() - t0) / 1e6;
    }
}
