package soma.bench;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import soma.SomaLanguage;
import soma.host.Contexts;
import soma.numerics.batch.BatchSimulator;

/**
 * {@code soma bench kernel [seconds]}: the batch kernel alone (thread CPU time of
 * BatchSimulator.run, best of the calls) on FHN, STG and STG with two sensitivities, with the
 * generated code, with the operations one by one, and in exact mode (the platform's functions:
 * what FastMath saves): for tuning the batch path. {@code -Dsoma.kernel.only=stg} measures one.
 */
final class KernelProbe {
    private KernelProbe() {}

    static void run(double seconds) {
        try (Context context =
                Contexts.newContext(Contexts.Settings.defaults(), System.in, new ByteArrayOutputStream(), System.err)) {
            context.eval(Source.create(SomaLanguage.ID, PeersBench.SCRIPT + """
                    let z = tensor([g_el[0:300], g_synA[0:300]]).T
                    fn tangents(threads) = simulate(STG(), steps: 200, dt: 0.025, method: euler, record: ["V"],
                        over: ["g_el", "g_synA"], params: z, sensitivities: ["g_el", "g_synA"], threads: threads)
                    """));
            String[] names = {"fhn", "stg", "tangents"};
            double[] work = {1000.0 * 10000, 1000.0 * 200, 300.0 * 200};
            String only = System.getProperty("soma.kernel.only"); // e.g. stg: one model (for tuning)
            for (int k = 0; k < names.length; k++) {
                if (only != null && !only.contains(names[k])) continue;
                Value f = context.eval(Source.create(SomaLanguage.ID, names[k]));
                // the ways in alternating rounds, the best of each: none is measured only while C2 is still compiling;
                // the third: exact mode (the platform's functions), generated code
                String[] ways = {"generated", "one by one", "exact"};
                double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
                for (int round = 0; round < 4; round++) {
                    for (int g = 0; g < ways.length; g++) {
                        BatchSimulator.setGenerate(g != 1);
                        long end = System.nanoTime() + (long) (seconds / 12 * 1e9);
                        do {
                            if (g == 2) BatchSimulator.exactly(() -> f.execute(1.0));
                            else f.execute(1.0);
                            best[g] = Math.min(best[g], BatchSimulator.lastNanos() / 1e9);
                        } while (System.nanoTime() < end);
                    }
                }
                for (int g = 0; g < ways.length; g++)
                    System.out.printf(
                            Locale.ROOT,
                            "%-10s %-10s %10.2f ms  %.3e sample-steps/s (thread CPU time)%n",
                            names[k],
                            ways[g],
                            best[g] * 1e3,
                            work[k] / best[g]);
            }
            BatchSimulator.setGenerate(true);
        }
    }
}
