package soma.launcher;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import soma.SomaLanguage;
import soma.host.Contexts;
import soma.host.ErrorReporter;
import soma.host.HeadStart;
import soma.host.ScriptSeed;
import soma.host.Tools;
import soma.host.WarmUp;
import soma.repl.Repl;
import soma.util.GracefulStop;
import soma.util.StartupTrace;

/** {@code soma FILE [args]}, {@code soma -e EXPR}, {@code soma} (REPL), {@code soma bench}. */
public final class Main {

    private static final String USAGE = """
            Usage: soma [options] FILE [args...]   run a script
                   soma [options] -e 'CODE' [args...]  run code given on the command line (args as for a script)
                   soma [options]                  interactive session (REPL); reads a piped program if stdin is not a terminal
                   soma bench [what]               benchmarks (bin/soma runs them from the bench module; see README)
            Options:
              --seed N      seed of the random generator: same seed, same numbers (default: the
                            script's "# seed: N" line if it has one, else 0)
              --debug       show Java stack traces of internal errors
              --help        this text
              --version     the Soma version
              --install-kernel  install the Jupyter kernel for the current user (see README: Notebooks)
              --cpusampler  profile the script: at exit, where the time went by function and line
              --inspect     debug in Chrome DevTools (prints the URL to open; waits for it)
              --dap         debug from VS Code or another Debug Adapter Protocol client (port 4711)
              --lsp         the language server for editors (LSP over stdin and stdout)
              --master URL  run the script's sweeps and ensembles on Apache Spark: local[*] (embedded),
                            spark://HOST:7077, k8s://..., yarn (bin/soma; see README: Clusters)
            """;

    private Main() {}

    public static void main(String[] argv) {
        StartupTrace.mark("main");
        StartupTrace.profile();
        int status = run(argv);
        StartupTrace.mark("exit");
        System.exit(status);
    }

    static int run(String[] argv) {
        Long seed = null;
        boolean debug = false;
        String code = null;
        String file = null;
        List<String> programArgs = new ArrayList<>();
        Tools tools = new Tools();
        int i = 0;
        while (i < argv.length && file == null) {
            String a = argv[i++];
            switch (a) {
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return 0;
                }
                case "--version" -> {
                    System.out.println("soma " + SomaLanguage.VERSION);
                    return 0;
                }
                case "--debug" -> debug = true;
                case "--install-kernel" -> {
                    return KernelSpec.install(System.getProperty("soma.home", ""));
                }
                case "--seed" -> {
                    if (i >= argv.length) return usageError("--seed needs a number");
                    try {
                        seed = Long.parseLong(argv[i++]);
                    } catch (NumberFormatException e) {
                        return usageError("--seed needs a whole number, got '" + argv[i - 1] + "'");
                    }
                }
                case "-e" -> {
                    if (i >= argv.length) return usageError("-e needs code to run");
                    code = argv[i++];
                    // Like python -c: what follows the code is the program's arguments, never a script to run.
                    if (i < argv.length && argv[i].endsWith(".soma")) {
                        String name = new File(argv[i]).getName().replaceFirst("\\.soma$", "");
                        return usageError("-e runs only the code given, not " + argv[i]
                                + ": run the file on its own, or import it in the code (-e 'import " + name
                                + "; ...')");
                    }
                    while (i < argv.length) programArgs.add(argv[i++]);
                }
                default -> {
                    if (tools.accept(a)) continue;
                    if (a.equals("--master") || a.startsWith("--master="))
                        return usageError("--master runs through bin/soma (it adds Spark to the class path)");
                    if (a.startsWith("-") && !a.equals("-")) return usageError("unknown option " + a);
                    file = a;
                }
            }
        }
        while (i < argv.length) programArgs.add(argv[i++]);

        if (seed == null && file != null)
            seed = ScriptSeed.declared(new File(file)).orElse(null);
        Contexts.Settings settings =
                Contexts.Settings.defaults().withSeed(seed == null ? 0 : seed).withArgs(programArgs);
        ErrorReporter errors = new ErrorReporter(System.err, debug);
        HeadStart.begin(); // builtins and the parser, on the second core while the engine is built
        try (Context context = Contexts.newContext(settings, tools.options(), System.in, System.out, System.err)) {
            StartupTrace.mark("context built");
            if (!Contexts.isOptimizing(context)) {
                System.err.println("soma: the Graal optimizing compiler is not active (runtime: "
                        + context.getEngine().getImplementationName() + "). Run Soma through bin/soma on JDK 25.");
                return 2;
            }
            StartupTrace.mark("compiler checked");
            // a script's first simulate comes too soon for a warm-up to help, unless asked for
            // (-Dsoma.warmup=always: a script that reads its data first; measurements)
            if ("always".equals(System.getProperty("soma.warmup"))) WarmUp.startInBackground();
            // The script's value is not wanted (SomaLanguage.RUN_MIME); with a tool (profiler,
            // debugger) the program stays the outermost frame, as the tool expects.
            String run = tools.options().isEmpty() ? SomaLanguage.RUN_MIME : SomaLanguage.MIME;
            if (code != null)
                return evaluate(
                        context,
                        Source.newBuilder(SomaLanguage.ID, code, "<command line>")
                                .mimeType(run)
                                .buildLiteral(),
                        errors);
            if (file != null) {
                if (!new File(file).isFile()) {
                    System.err.println("soma: no such file: " + file);
                    return 1;
                }
                Source source;
                try {
                    source = Source.newBuilder(SomaLanguage.ID, new File(file))
                            .mimeType(run)
                            .build();
                } catch (IOException e) {
                    System.err.println("soma: cannot read " + file + ": " + e.getMessage());
                    return 1;
                }
                return evaluate(context, source, errors);
            }
            if (System.console() == null || !System.console().isTerminal()) {
                Source source = Source.newBuilder(SomaLanguage.ID, new String(System.in.readAllBytes()), "<stdin>")
                        .mimeType(run)
                        .build();
                return evaluate(context, source, errors);
            }
            WarmUp.startInBackground(); // while the user types the first line
            return new Repl(context, errors).run();
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("soma: " + e.getMessage());
            return 1;
        }
    }

    static int evaluate(Context context, Source source, ErrorReporter errors) {
        stopTrainingOnCtrlC();
        try {
            context.eval(source);
            StartupTrace.mark("evaluated");
            return 0;
        } catch (PolyglotException e) {
            errors.report(e);
            return e.isExit() ? e.getExitStatus() : 1;
        } finally {
            System.out.flush();
        }
    }

    /**
     * In a script, the first Ctrl-C during training (epi, fit) lets the loop stop and return what it
     * learned, so the script goes on to print and save it (see GracefulStop); otherwise, or on a
     * second Ctrl-C, the process ends as it would by default (exit status 130).
     */
    private static void stopTrainingOnCtrlC() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> {
                if (GracefulStop.request()) {
                    System.err.println(
                            "\nstopping after this iteration and keeping what was learned (Ctrl-C again to abort)");
                } else {
                    System.exit(130);
                }
            });
        } catch (IllegalArgumentException e) {
            // no SIGINT on this platform or it is reserved: Ctrl-C keeps its default meaning
        }
    }

    private static int usageError(String message) {
        PrintStream err = System.err;
        err.println("soma: " + message);
        err.print(USAGE);
        return 2;
    }
}
