package soma.bench;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import soma.host.Contexts;

/**
 * One EPI iteration on the STG circuit in two settings: the seed's (examples/stg_epi.soma: batch
 * 300, T = 200 Euler steps, 10 planar layers, the spec's hub frequency) and the EPI paper's
 * (examples/stg_epi_paper.soma: batch 400, T = 300, Real NVP with 3 couplings of 2 x 25 hidden units,
 * the paper's hub frequency). Each iteration: sample, simulate with sensitivities, statistic and
 * its directional derivatives, gradient, Adam. Measured as the difference between epi runs of
 * different lengths (so the fixed costs of a run cancel), with a breakdown of the model evaluation.
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

    /** The paper's flow (examples/stg_epi_paper.soma: 2 hidden layers of 25 units per conditioner). */
    static final String PAPER_SETUP = """
            import stg
            flow RealNVP(dim = 2) {
                coupling(hidden: 25, layers: 2)
                permute
                coupling(hidden: 25, layers: 2)
                permute
                coupling(hidden: 25, layers: 2)
                scale
                shift
                support box([4, 0.01], [8, 4])
            }
            constraint PaperHubFrequency(sim) {
                f = hub_frequency(sim.V[:, :, 2], dt: 0.025, method: "paper", beta: 500)
                mean(f) == 0.55
                var(f) == 0.025^2
            }
            let over = ["g_el", "g_synA"]
            let q = RealNVP().fit(gaussian(mean: [6.4, 1.3], cov: [[0.5, 0], [0, 0.12]]), iterations: 300, batch: 500)
            let z = q.sample(400)
            fn run(k) = epi(STG(), over: over, flow: q, property: PaperHubFrequency, steps: 300, dt: 0.025, method: euler,
                            c0: 1e5, beta: 2, epochs: 1, iterations: k, batch: 400, test_batch: 2, lr: 0.0001, until_converged: false, quiet: true)
            fn gradients() = property_statistics(STG(), PaperHubFrequency, z, over: over, steps: 300, dt: 0.025, method: euler, gradients: true)
            fn plain() = property_statistics(STG(), PaperHubFrequency, z, over: over, steps: 300, dt: 0.025, method: euler)
            """;

    static void run(double seconds) {
        int cores = Runtime.getRuntime().availableProcessors();
        measure(
                "EPI iteration, STG, seed setting (batch 300, T = 200, 10 planar layers), " + cores + " cores",
                SETUP,
                seconds,
                "goal 70 ms");
        measure(
                "EPI iteration, STG, paper setting (batch 400, T = 300, Real NVP 3 x coupling(25 x 2), paper statistic), "
                        + cores + " cores",
                PAPER_SETUP,
                seconds,
                "goal 36 ms: 5 x 5,000 iterations in 15 min");
    }

    private static void measure(String title, String setup, double seconds, String goal) {
        System.out.println(title);
        double[] ms = iterationMillis(setup, seconds);
        System.out.printf(
                Locale.ROOT,
                "  one EPI iteration                       %8.1f ms (best of %d rounds; %s)%n",
                ms[0],
                (int) ms[3],
                goal);
        System.out.printf(
                Locale.ROOT, "  of which simulate + sensitivities + statistic and its derivatives %8.1f ms%n", ms[1]);
        System.out.printf(
                Locale.ROOT, "  plain simulation + statistic (no gradients)                        %8.1f ms%n", ms[2]);
    }

    /**
     * One EPI iteration, the simulation with sensitivities and the statistic with its derivatives,
     * and the plain simulation and statistic, in ms (best of the rounds), and the rounds.
     */
    static double[] iterationMillis(String setup, double seconds) {
        try (Context context =
                Contexts.newContext(Contexts.Settings.defaults(), System.in, new ByteArrayOutputStream(), System.err)) {
            context.eval("soma", setup);
            Value run = context.eval("soma", "run"),
                    gradients = context.eval("soma", "gradients"),
                    plain = context.eval("soma", "plain");
            long end = System.nanoTime() + (long) (seconds * 0.3e9);
            while (System.nanoTime() < end) run.execute(5.0); // warm-up: compile the integrators and the flow code
            // an iteration is the difference of a 12- and a 2-iteration run (the run's fixed cost
            // cancels), taken between the best of each: the best of the differences would pick the
            // rounds where noise slowed the short run, and so read low (seen: 5 ms for a 26 ms iteration)
            double shortest = Double.MAX_VALUE,
                    longest = Double.MAX_VALUE,
                    grad = Double.MAX_VALUE,
                    base = Double.MAX_VALUE;
            end = System.nanoTime() + (long) (seconds * 0.7e9);
            int rounds = 0;
            do {
                shortest = Math.min(shortest, millis(run, 2));
                longest = Math.min(longest, millis(run, 12));
                grad = Math.min(grad, millis(gradients, -1));
                base = Math.min(base, millis(plain, -1));
                rounds++;
            } while (System.nanoTime() < end || rounds < 2);
            return new double[] {(longest - shortest) / 10, grad, base, rounds};
        }
    }

    private static double millis(Value f, int k) {
        long t0 = System.nanoTime();
        if (k < 0) f.execute();
        else f.execute((double) k);
        return (System.nanoTime() - t0) / 1e6;
    }
}
