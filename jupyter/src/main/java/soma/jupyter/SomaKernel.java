package soma.jupyter;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import soma.SomaLanguage;
import soma.display.Display;
import soma.host.Contexts;
import soma.host.ErrorReporter;
import soma.host.WarmUp;
import soma.util.GracefulStop;

/**
 * One Soma context per kernel session: cells run in it one after another, so declarations and
 * variables persist; restart (a new process) gives a fresh one. Each cell is a source named
 * {@code cell[N]} after its execution count, so errors carry the cell's own line numbers.
 */
final class SomaKernel extends BaseKernel {
    private final Contexts.Settings settings;
    private final CellOutput output = new CellOutput(this);
    private final Completion completion = new Completion(this::context);
    private Context context;

    SomaKernel(Contexts.Settings settings) {
        this.settings = settings;
        Display.install(output);
        this.context = newContext();
        WarmUp.startInBackground(); // while the notebook's first cells are written
    }

    private Context newContext() {
        Context c = Contexts.newContext(
                settings,
                new ByteArrayInputStream(new byte[0]),
                new Forward(() -> System.out),
                new Forward(() -> System.err));
        if (!Contexts.isOptimizing(c)) {
            System.err.println(
                    "soma kernel: the Graal optimizing compiler is not active; Soma runs much slower (start it through bin/soma on JDK 25)");
        }
        return c;
    }

    Context context() {
        return context;
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("soma")
                .version(SomaLanguage.VERSION)
                .mimetype("text/x-soma")
                .fileExtension(".soma")
                .build();
    }

    @Override
    public String getBanner() {
        return "Soma " + SomaLanguage.VERSION;
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        int count = executionCount.get() - 1; // the library has already counted this request
        Source source = Source.newBuilder(SomaLanguage.ID, code, SomaLanguage.CELL_SOURCE_PREFIX + count + "]")
                .buildLiteral();
        output.takeResult();
        try {
            context.eval(source);
        } catch (PolyglotException e) {
            if (e.isExit()) {
                // exit() ends the session as it would end a script; the next cell starts a fresh one
                context.close(true);
                context = newContext();
                System.out.println(
                        "the Soma session ended (exit " + e.getExitStatus() + "); the next cell starts a fresh one");
                return null;
            }
            throw new CellError(report(e));
        } catch (IllegalStateException e) {
            throw new CellError(List.of("error: " + e.getMessage()));
        } finally {
            System.out.flush();
            System.err.flush();
        }
        return output.takeResult();
    }

    /** The error exactly as bin/soma prints it, one line per element. */
    private static List<String> report(PolyglotException e) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);
        new ErrorReporter(out, false).report(e);
        return text.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof CellError c) return c.lines;
        return super.formatError(e);
    }

    /**
     * The stop button: as Ctrl-C in the REPL, a running training loop (epi, fit) is first asked to
     * stop after its iteration and return what it learned; otherwise, or on a second press, the
     * evaluation is interrupted and the cell fails with "interrupted". The session stays usable.
     */
    @Override
    public void interrupt() {
        if (GracefulStop.request()) {
            getIO().err
                    .println("stopping after this iteration and keeping what was learned (interrupt again to abort)");
            return;
        }
        Context c = context;
        Thread t = new Thread(
                () -> {
                    try {
                        c.interrupt(Duration.ofSeconds(30));
                    } catch (Exception ignored) {
                        // nothing was running, or it did not stop in time: the kernel stays up either way
                    }
                },
                "soma-interrupt");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return completion.complete(code, at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return completion.inspect(code, at);
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        close();
    }

    void close() {
        try {
            context.close(true);
        } catch (RuntimeException ignored) {
            // already closed, or closing a busy context failed: the process ends anyway
        }
    }
}
