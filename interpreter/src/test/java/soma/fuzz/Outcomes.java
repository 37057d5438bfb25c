package soma.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;
import soma.SomaLanguage;

/**
 * Runs generated Soma code under a watchdog and sorts what happened into kinds: a value, a
 * located Soma error, an unlocated error, an internal error (a Java exception or trace leaking
 * out), a timeout. One context is reused until a timeout cancels it.
 */
final class Outcomes implements AutoCloseable {
    enum Kind {
        VALUE,
        LOCATED_ERROR,
        UNLOCATED_ERROR,
        INTERNAL_ERROR,
        TIMEOUT
    }

    record Outcome(Kind kind, String detail) {}

    private static final Pattern LOCATED = Pattern.compile("^[^\\n]+:\\d+:\\d+: error: ");
    private static final Pattern JAVA = Pattern.compile(
            "internal error|java\\.|javax\\.|\\bat [a-z]+\\.[A-Za-z.$]+\\(|Exception\\b|Error:|GraalVM");

    private final Engine engine = Engine.newBuilder(SomaLanguage.ID)
            .option("engine.WarnInterpreterOnly", "false")
            .out(sink())
            .err(sink())
            .build();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fuzz-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final Path workDir;
    private final Duration limit;
    private final Map<Kind, AtomicLong> counts = new ConcurrentHashMap<>();
    /** The first programs that ran out of time, for the report: long legitimate work, or a hang to look at. */
    final List<String> timeouts = Collections.synchronizedList(new ArrayList<>());

    private Context context;

    Outcomes(Path workDir, Duration limit) {
        this.workDir = workDir;
        this.limit = limit;
    }

    /** Evaluates (or, with {@code parseOnly}, only parses) the code and counts the outcome. */
    Outcome run(String code, boolean parseOnly) {
        Outcome o = classify(code, parseOnly);
        counts.computeIfAbsent(o.kind(), k -> new AtomicLong()).incrementAndGet();
        if (o.kind() == Kind.TIMEOUT && timeouts.size() < 5)
            timeouts.add(code.length() > 300 ? code.substring(0, 300) + "..." : code);
        return o;
    }

    private Outcome classify(String code, boolean parseOnly) {
        Context c = context();
        Source source = Source.newBuilder(SomaLanguage.ID, code, "fuzz.soma").buildLiteral();
        ScheduledFuture<?> alarm = watchdog.schedule(() -> c.close(true), limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            if (parseOnly) c.parse(source);
            else c.eval(source);
            return new Outcome(Kind.VALUE, "");
        } catch (PolyglotException e) {
            if (e.isCancelled() || e.isInterrupted()) {
                context = null;
                return new Outcome(Kind.TIMEOUT, code);
            }
            String shown = Reports.show(e);
            if (e.isInternalError()
                    || e.isHostException()
                    || e.isResourceExhausted()
                    || JAVA.matcher(shown).find()) {
                context = null; // an internal error may have left the context in any state
                return new Outcome(Kind.INTERNAL_ERROR, shown + "\n--- for program:\n" + code);
            }
            return new Outcome(LOCATED.matcher(shown).find() ? Kind.LOCATED_ERROR : Kind.UNLOCATED_ERROR, shown);
        } catch (IllegalStateException e) { // the watchdog closed the context just as evaluation began
            context = null;
            return new Outcome(Kind.TIMEOUT, code);
        } finally {
            alarm.cancel(false);
            if (context == null) closeQuietly(c);
        }
    }

    private Context context() {
        if (context == null) {
            context = Context.newBuilder(SomaLanguage.ID)
                    .engine(engine)
                    .in(InputStream.nullInputStream())
                    .out(sink())
                    .err(sink())
                    .allowIO(IOAccess.ALL)
                    .allowCreateThread(true)
                    .currentWorkingDirectory(workDir) // files a generated call writes land here
                    .option("soma.Home", System.getProperty("soma.home", ""))
                    .build();
        }
        return context;
    }

    /** Counts by kind, every kind listed. */
    Map<Kind, Long> counts() {
        Map<Kind, Long> out = new TreeMap<>();
        for (Kind k : Kind.values())
            out.put(k, counts.getOrDefault(k, new AtomicLong()).get());
        return out;
    }

    long total() {
        return counts().values().stream().mapToLong(Long::longValue).sum();
    }

    private static ByteArrayOutputStream sink() {
        return new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                if (count < 1 << 16) super.write(b, off, len); // generated code may print a lot: keep little
            }

            @Override
            public synchronized void write(int b) {
                if (count < 1 << 16) super.write(b);
            }
        };
    }

    private static void closeQuietly(Context c) {
        try {
            c.close(true);
        } catch (RuntimeException ignored) {
            // already closed by the watchdog
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        if (context != null) closeQuietly(context);
        engine.close();
    }
}
