package soma;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.nodes.Node;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import soma.builtins.Builtins;
import soma.dist.Distribution;
import soma.random.Rng;
import soma.runtime.BoundMethods;
import soma.runtime.GlobalScope;
import soma.runtime.Host;
import soma.runtime.Nil;
import soma.runtime.SomaFunction;
import soma.util.StartupTrace;

/** Everything that outlives one parse: globals, the seeded generator, program arguments, imports. */
public final class SomaContext implements Host {
    private static final ContextReference<SomaContext> REFERENCE = ContextReference.create(SomaLanguage.class);

    private final SomaLanguage language;
    private final TruffleLanguage.Env env;
    private final GlobalScope globals = new GlobalScope();
    private final PrintWriter out;
    private final Set<String> imported = new HashSet<>();
    private final List<String> args;
    private final Path home;
    private final Rng rng;
    /** The latest inference run, kept up to date while it runs, so it survives a Ctrl-C (epi_last()). */
    private volatile Object lastInference = Nil.INSTANCE;
    /** Where sweep and ensemble send their tasks, and what workers need to replay this run. */
    private final Distribution dist;

    SomaContext(SomaLanguage language, TruffleLanguage.Env env) {
        this.language = language;
        this.env = env;
        this.out = new PrintWriter(env.out(), true);
        this.args = List.of(
                env.getApplicationArguments()); // Context.Builder.arguments("soma", ...): the standard polyglot way
        String h = env.getOptions().get(SomaLanguage.Home);
        this.home = h.isEmpty() ? Path.of(".").toAbsolutePath() : Path.of(h);
        this.rng = new Rng(env.getOptions().get(SomaLanguage.Seed));
        this.dist = new Distribution(env.getOptions().get(SomaLanguage.Seed), args);
        StartupTrace.mark("language context");
        Builtins.installAll(language, globals);
        StartupTrace.mark("builtins installed");
        BoundMethods.install(new BoundMethods.Table() {
            @Override
            public SomaFunction bind(String type, String name, Object receiver) {
                return Builtins.bind(type, name, receiver);
            }

            @Override
            public List<String> names(String type) {
                return Builtins.methodNames(type);
            }
        });
    }

    public static SomaContext get(Node node) {
        return REFERENCE.get(node);
    }

    @Override
    public SomaLanguage language() {
        return language;
    }

    public TruffleLanguage.Env env() {
        return env;
    }

    @Override
    public GlobalScope globals() {
        return globals;
    }

    public PrintWriter out() {
        return out;
    }

    public List<String> args() {
        return args;
    }

    public Path home() {
        return home;
    }
    /** The one generator of this context: seeded by --seed (default 0) and reseeded by seed(n). */
    @Override
    public Rng rng() {
        return rng;
    }

    @Override
    public Thread workerThread(Runnable work) {
        return env.newTruffleThreadBuilder(work).build();
    }

    public Distribution dist() {
        return dist;
    }

    public Object lastInference() {
        return lastInference;
    }

    public void lastInference(Object run) {
        lastInference = run;
    }

    /** Records an import; returns false if the file was already imported in this context. */
    @TruffleBoundary
    public boolean markImported(String canonicalPath) {
        return imported.add(canonicalPath);
    }
}
