package soma.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import soma.SomaLanguage;
import soma.host.Contexts;
import soma.host.ErrorReporter;

/** The scripts the Spark tests run, and running one as the launcher does (output and errors as printed). */
final class Scripts {
    private Scripts() {}

    /**
     * An STG hub-frequency sweep (a 7 x 6 grid, T = 200 steps) and a small EPI ensemble (c0 x 2
     * seeds, a few iterations), every number printed in full (a double's shortest exact form).
     */
    static final String SWEEP_AND_ENSEMBLE = """
            import stg

            let gel = linspace(0.5, 20, 7)
            let gsyn = linspace(0.5, 20, 6)
            let map = sweep(STG(), over: {g_el: gel, g_synA: gsyn}, steps: 200, dt: 0.025, record: ["V"],
                            statistic: fn(run) = hub_frequency(run.V[:, :, 2], dt: 0.025))
            for row in map.values { for v in row { print(v) } }

            flow Q(dim = 1) {
                scale
                shift
            }
            constraint M(z) {
                mean(z[:, 0]) == 1
                std(z[:, 0]) == 0.5
            }
            fn train(c0, seed) = epi(fn(z) = z, flow: Q(), property: M, c0: c0, seed: seed, epochs: 2, iterations: 30,
                                     batch: 64, test_batch: 128, until_converged: false, quiet: true)
            let rs = ensemble(train, over: {c0: [1, 100], seed: [1, 2]})
            for r in rs {
                print(r.c0, r.seed, r.result)
                for h in r.result.history.entropy { print(h) }
                for z in r.result.history.R { print(z) }
            }
            print("after", rand())
            """;

    /** A sweep whose statistic fails for one parameter value: a located error naming the partition. */
    static final String FAILING = """
            import stg

            fn run(g_el) {
                if g_el > 10 { return no_such_name }
                return g_el
            }
            let rs = ensemble(run, over: {g_el: [1, 5, 20]})
            print(rs)
            """;

    static Path write(Path dir, String name, String code) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, code);
        return p;
    }

    /** Runs the script in a fresh context (seed 0) and returns what it printed, errors as bin/soma prints them. */
    static String run(Path script) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Contexts.newContext(Contexts.Settings.defaults(), System.in, out, out)) {
            try {
                context.eval(Source.newBuilder(SomaLanguage.ID, script.toFile()).build());
            } catch (PolyglotException e) {
                new ErrorReporter(new PrintStream(out, true, StandardCharsets.UTF_8), false).report(e);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static Script script(Path p) throws IOException {
        return new Script(p.toAbsolutePath().toString(), p.getFileName().toString(), Files.readString(p));
    }
}
