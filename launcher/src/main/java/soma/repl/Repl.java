package soma.repl;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import soma.SomaLanguage;
import soma.host.ErrorReporter;
import soma.host.Help;
import soma.util.GracefulStop;

/**
 * The interactive session: results echo with their type, brackets continue input over lines,
 * history persists in ~/.soma_history, Tab completes, Ctrl-C stops a running evaluation.
 */
public final class Repl {
    private static final String HELP = """
            Soma REPL. Type an expression or statement; results are shown with their type.
              :help          this text            :load FILE    run a file in this session
              :type EXPR     the type of EXPR     :time EXPR    evaluate EXPR and show how long it took
              :builtins      list builtins        :quit         leave (also Ctrl-D)
            Open brackets continue the input on the next line. Ctrl-C stops a running evaluation.
            """;

    private final Context context;
    private final ErrorReporter errors;
    private int inputs;

    public Repl(Context context, ErrorReporter errors) {
        this.context = context;
        this.errors = errors;
    }

    public int run() throws IOException {
        Path history = Path.of(System.getProperty("user.home"), ".soma_history");
        HistoryFile.repair(history);
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("soma")
                    .parser(new BracketParser())
                    .completer((r, line, candidates) -> complete(line.word(), candidates))
                    .variable(LineReader.HISTORY_FILE, history)
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "   .. ")
                    .build();
            terminal.writer().println("Soma " + SomaLanguage.VERSION + " - :help for help, :quit to leave");
            terminal.handle(Terminal.Signal.INT, signal -> interrupt(terminal));
            while (true) {
                String line;
                try {
                    line = reader.readLine("soma> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                if (line.isBlank()) continue;
                if (!command(line.trim())) return 0;
            }
        }
    }

    /**
     * Stops the running evaluation from the signal thread; the session stays usable. A training
     * loop (epi, fit) is first asked to stop by itself and return what it learned; a second
     * Ctrl-C interrupts it like anything else.
     */
    private void interrupt(Terminal terminal) {
        if (GracefulStop.request()) {
            terminal.writer().println("\nstopping after this iteration (Ctrl-C again to abort)");
            terminal.writer().flush();
            return;
        }
        Thread t = new Thread(
                () -> {
                    try {
                        context.interrupt(Duration.ofSeconds(30));
                    } catch (Exception ignored) {
                        // nothing was running, or it did not stop in time: the prompt is back either way
                    }
                },
                "soma-interrupt");
        t.setDaemon(true);
        t.start();
    }

    /** Runs one input; false means quit. */
    private boolean command(String line) {
        if (!line.startsWith(":")) {
            eval(line, true);
            return true;
        }
        String[] parts = line.split("\\s+", 2);
        String arg = parts.length > 1 ? parts[1] : "";
        switch (parts[0]) {
            case ":quit", ":q", ":exit" -> {
                return false;
            }
            case ":help", ":h" -> System.out.print(HELP);
            case ":builtins" -> Help.all().forEach(System.out::println);
            case ":load" -> load(arg);
            case ":type" -> type(arg);
            case ":time" -> {
                long start = System.nanoTime();
                eval(arg, true);
                System.out.printf(Locale.ROOT, "time: %.3f ms%n", (System.nanoTime() - start) / 1e6);
            }
            default -> System.out.println("unknown command " + parts[0] + " (:help lists them)");
        }
        return true;
    }

    private void eval(String code, boolean echo) {
        inputs++;
        String name = echo ? SomaLanguage.REPL_SOURCE_PREFIX + inputs + ">" : "<input " + inputs + ">";
        try {
            context.eval(Source.newBuilder(SomaLanguage.ID, code, name).buildLiteral());
        } catch (PolyglotException e) {
            errors.report(e);
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
        }
        System.out.flush();
    }

    private void type(String expr) {
        try {
            Value v = context.eval(Source.newBuilder(SomaLanguage.ID, "type(" + expr + ")", "<type>")
                    .buildLiteral());
            System.out.println(v.asString());
        } catch (PolyglotException e) {
            errors.report(e);
        }
    }

    private void load(String file) {
        if (file.isBlank()) {
            System.out.println(":load needs a file name");
            return;
        }
        try {
            Source source =
                    Source.newBuilder(SomaLanguage.ID, Path.of(file).toFile()).build();
            context.eval(source);
        } catch (IOException e) {
            System.err.println("cannot read " + file + ": " + e.getMessage());
        } catch (PolyglotException e) {
            errors.report(e);
        }
    }

    private void complete(String prefix, List<Candidate> candidates) {
        List<String> names = new ArrayList<>(Help.names());
        try {
            Value globals = context.getBindings(SomaLanguage.ID);
            names.addAll(globals.getMemberKeys());
        } catch (PolyglotException | IllegalStateException ignored) {
            // completion is a convenience: without bindings, keywords and builtins still complete
        }
        names.stream()
                .distinct()
                .filter(n -> n.startsWith(prefix))
                .sorted()
                .forEach(n -> candidates.add(new Candidate(n)));
    }
}
