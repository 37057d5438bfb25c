package soma.host;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.io.IOAccess;
import soma.SomaLanguage;

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
        Engine.Builder builder = Engine.newBuilder(SomaLanguage.ID)
                .option("engine.WarnInterpreterOnly", "false")
                // lets developers pass diagnostic flags such as -Dpolyglot.engine.TraceTransferToInterpreter=true
                .allowExperimentalOptions(true)
                .out(out)
                .err(err);
        if (!settings.compile()) {
            // Only for measuring what the compiler buys (soma bench); an experimental option.
            builder.option("engine.Compilation", "false");
        }
        Engine engine = builder.build();
        return Context.newBuilder(SomaLanguage.ID)
                .engine(engine)
                .in(in)
                .out(out)
                .err(err)
                .allowIO(IOAccess.ALL)
                .allowCreateThread(true) // batch simulations run on all cores
                .option("soma.Seed", Long.toString(settings.seed()))
                .option("soma.Home", settings.home())
                .arguments(SomaLanguage.ID, settings.args().toArray(String[]::new))
                .build();
    }

    /**
     * True when Truffle runs on the Graal optimizing compiler. Without it (wrong JDK or flags)
     * everything is many times slower, so the launcher refuses to go on silently.
     */
    public static boolean isOptimizing(Context context) {
        String name = context.getEngine().getImplementationName();
        return !name.toLowerCase(Locale.ROOT).contains("interpreted")
                && !name.toLowerCase(Locale.ROOT).contains("fallback");
    }
}
