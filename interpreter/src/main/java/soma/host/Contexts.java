package soma.host;

import com.oracle.truffle.api.Truffle;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.io.IOAccess;
import soma.SomaLanguage;
import soma.util.StartupTrace;

/** Creating Soma contexts the same way everywhere (launcher, REPL, tests, benchmarks). */
public final class Contexts {
    private Contexts() {}

    /** Options of one Soma session. */
    public record Settings(long seed, String home, List<String> args, boolean compile) {
        public static Settings defaults() {
            return new Settings(0, System.getProperty("soma.home", ""), List.of(), true);
        }

        public Settings withSeed(long s) {
            return new Settings(s, home, args, compile);
        }

        public Settings withArgs(List<String> a) {
            return new Settings(seed, home, a, compile);
        }

        public Settings withCompilation(boolean c) {
            return new Settings(seed, home, args, c);
        }
    }

    public static Context newContext(Settings settings, InputStream in, OutputStream out, OutputStream err) {
        return newContext(settings, Map.of(), in, out, err);
    }

    /** @param tools engine options of GraalVM's tools ({@code cpusampler=true}): see {@link Tools} */
    public static Context newContext(
            Settings settings, Map<String, String> tools, InputStream in, OutputStream out, OutputStream err) {
        Map<String, String> engineOptions = new LinkedHashMap<>();
        engineOptions.put("engine.WarnInterpreterOnly", "false");
        if (!settings.compile()) {
            // Only for measuring what the compiler buys (soma bench); an experimental option.
            engineOptions.put("engine.Compilation", "false");
        }
        engineOptions.putAll(tools);
        Context.Builder context = Context.newBuilder(SomaLanguage.ID)
                .in(in)
                .out(out)
                .err(err)
                .allowIO(IOAccess.ALL)
                .allowCreateThread(true) // batch simulations run on all cores
                .option("soma.Seed", Long.toString(settings.seed()))
                .option("soma.Home", settings.home())
                .arguments(SomaLanguage.ID, settings.args().toArray(String[]::new));
        if (!tools.isEmpty()) {
            // A tool reports when its engine closes (the profile at exit): the context owns its
            // engine then, so that closing the context closes the engine.
            return context.allowExperimentalOptions(true).options(engineOptions).build();
        }
        Engine engine = Engine.newBuilder(SomaLanguage.ID)
                .options(engineOptions)
                // lets developers pass diagnostic flags such as -Dpolyglot.engine.TraceTransferToInterpreter=true
                .allowExperimentalOptions(true)
                .out(out)
                .err(err)
                .build();
        StartupTrace.mark("engine built");
        return context.engine(engine).build();
    }

    /**
     * True when Truffle runs on the Graal optimizing compiler. Without it (wrong JDK or flags)
     * everything is many times slower, so the launcher refuses to go on silently. Truffle's
     * runtime tells by its class: its fallback is DefaultTruffleRuntime ("Interpreted"), the
     * optimizing ones live in com.oracle.truffle.runtime. Not by the engine's name: to give it,
     * Graal builds its compiler configuration, some 5% of a start that compiles nothing (issue 20).
     * Truffle's runtime is one per JVM, the one the context's engine already runs on, so the
     * context itself is not consulted.
     */
    public static boolean isOptimizing(Context context) {
        return Truffle.getRuntime().getClass().getName().startsWith("com.oracle.truffle.runtime.");
    }
}
