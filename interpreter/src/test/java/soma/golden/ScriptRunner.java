package soma.golden;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import soma.SomaLanguage;
import soma.host.Contexts;
import soma.host.ErrorReporter;

/** Runs a Soma script in a fresh context and returns what a user would see on the terminal. */
public final class ScriptRunner {
    private ScriptRunner() {}

    /** stdout, then stderr (errors), as the launcher would print them. */
    public static String run(Path script, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Contexts.Settings settings = Contexts.Settings.defaults().withSeed(seed);
        try (Context context = Contexts.newContext(settings, System.in, out, out)) {
            if (!Contexts.isOptimizing(context)) {
                throw new IllegalStateException("tests must run on the Graal optimizing runtime, not "
                        + context.getEngine().getImplementationName());
            }
            Source source = Source.newBuilder(SomaLanguage.ID, script.toFile()).build();
            try {
                context.eval(source);
            } catch (PolyglotException e) {
                PrintStream err = new PrintStream(out, true, StandardCharsets.UTF_8);
                new ErrorReporter(err, false).report(e);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Runs code given as a string (named like a file, for error messages). */
    public static String runCode(String code, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Contexts.newContext(Contexts.Settings.defaults(), System.in, out, out)) {
            try {
                context.eval(Source.newBuilder(SomaLanguage.ID, code, name).buildLiteral());
            } catch (PolyglotException e) {
                new ErrorReporter(new PrintStream(out, true, StandardCharsets.UTF_8), false).report(e);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
