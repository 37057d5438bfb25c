package soma.bench;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import soma.host.Contexts;
import soma.random.Rng;

/**
 * One training step of examples/flow_fit.soma's flow (sample 1,000, log-density, KL loss,
 * gradient, Adam update) through {@code q.fit} from a Soma script, against the same step in
 * {@link HandWrittenFlow}, alternating in one run.
 */
final class FlowBench {
    private FlowBench() {}

    /** Seed 002's flow, as declared in examples/flow_fit.soma and stg_epi.soma; the EPI benchmark uses it too. */
    static final String SEED_FLOW = """
            flow PlanarFlow(dim = 2) {
                repeat 10 { planar }
                scale
                shift
                support box(0, 20)
            }
            """;

    static final String FLOW = SEED_FLOW + """
            let q = PlanarFlow()
            let target = gaussian(mean: [4, 4], std: 3)
            fn work(k) = q.fit(target, iterations: k, lr: 0.001, batch: 1000)
            """;

    static void run(double seconds) {
        System.out.println("flow training step (10 planar + scale + shift + box, batch 1000)");
        try (Context context =
                Contexts.newContext(Contexts.Settings.defaults(), System.in, new ByteArrayOutputStream(), System.err)) {
            context.eval("soma", FLOW);
            Value work = context.eval("soma", "work");
            HandWrittenFlow hand = new HandWrittenFlow(new Rng(1));
            Rng rng = new Rng(2);
            int k = 50;
            long end = System.nanoTime() + (long) (seconds * 0.3e9);
            while (System.nanoTime() < end) { // warm-up
                work.execute((double) k);
                for (int i = 0; i < k; i++) hand.step(1000, rng, 0.001);
            }
            double somaBest = Double.MAX_VALUE, handBest = Double.MAX_VALUE, somaSum = 0, handSum = 0;
            int rounds = 0;
            end = System.nanoTime() + (long) (seconds * 0.7e9);
            do {
                long t0 = System.nanoTime();
                work.execute((double) k);
                double soma = (System.nanoTime() - t0) / 1e6 / (k + 1); // fit(k) evaluates k + 1 losses, steps k times
                t0 = System.nanoTime();
                for (int i = 0; i < k; i++) hand.step(1000, rng, 0.001);
                double java = (System.nanoTime() - t0) / 1e6 / k;
                somaBest = Math.min(somaBest, soma);
                handBest = Math.min(handBest, java);
                somaSum += soma;
                handSum += java;
                rounds++;
            } while (System.nanoTime() < end || rounds < 3);
            System.out.printf(Locale.ROOT, "  Soma q.fit     %8.3f ms/step (best %.3f)%n", somaSum / rounds, somaBest);
            System.out.printf(Locale.ROOT, "  hand-written   %8.3f ms/step (best %.3f)%n", handSum / rounds, handBest);
            System.out.printf(
                    Locale.ROOT,
                    "  ratio Soma / hand-written: %.2fx (mean), %.2fx (best)%n",
                    somaSum / handSum,
                    somaBest / handBest);
        }
    }
}
