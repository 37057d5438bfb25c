package soma.util;

import java.io.PrintStream;
import java.util.Locale;
import soma.display.Display;
import soma.display.Frontend;

/**
 * A one-line progress bar on the terminal (label, bar, count, ETA), redrawn in place; silent when
 * stderr is not a terminal, so logs and golden outputs stay clean. (me.tongfei:progressbar was the
 * first choice, but it requires the modular jline-terminal, which splits packages with the jline
 * bundle the REPL uses on the module path.)
 */
public final class Progress {
    private final String label;
    private final long total;
    private final long started = System.nanoTime();
    private final PrintStream out;
    private long lastDraw;
    /** Without a terminal: a plain log line to stderr this often (0: silent). */
    private final long logEveryNanos;
    /** In a notebook: the cell's progress display, redrawn in place (null elsewhere). */
    private final Frontend.ProgressView view;

    private Progress(String label, long total, PrintStream out, long logEveryNanos, Frontend.ProgressView view) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.logEveryNanos = logEveryNanos;
        this.view = view;
    }

    private static final ThreadLocal<Boolean> QUIET = new ThreadLocal<>();

    /**
     * No bars or log lines from work started on this thread: a worker running a distributed call's
     * tasks (the driver shows one line for the whole job).
     */
    public static void quietOnThisThread() {
        QUIET.set(Boolean.TRUE);
    }

    /** A bar for long work, or a silent one when there is no terminal to draw on. */
    public static Progress start(String label, long total) {
        return start(label, total, 0);
    }

    /**
     * For long runs (training): a bar on a terminal, and otherwise (a log file, a batch job) a
     * plain line on stderr every {@code logEverySeconds}, so progress stays visible.
     */
    public static Progress start(String label, long total, double logEverySeconds) {
        if (QUIET.get() != null) return new Progress(label, total, null, 0, null);
        if (Display.active()) return new Progress(label, total, null, 0, Display.progress());
        boolean terminal = System.console() != null && System.console().isTerminal();
        return new Progress(
                label, total, terminal ? System.err : null, terminal ? 0 : (long) (logEverySeconds * 1e9), null);
    }

    public void update(long done) {
        update(done, null);
    }

    /** As {@link #update(long)}, with a short status after the bar (loss, epoch, ...). */
    public void update(long done, String detail) {
        if (out == null && view == null) {
            log(done, detail);
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L || now - started < 500_000_000L)
            return; // at most 10 redraws/s; none for short work
        lastDraw = now;
        double fraction = total == 0 ? 1 : (double) done / total;
        int width = 30;
        int filled = (int) Math.round(fraction * width);
        double elapsed = (now - started) / 1e9;
        String eta = done == 0 ? "?" : String.format(Locale.ROOT, "%.0f s", elapsed * (total - done) / done);
        String bar = String.format(
                Locale.ROOT,
                "%s %3.0f%% [%s%s] %d/%d, ETA %s%s",
                label,
                100 * fraction,
                "=".repeat(filled),
                " ".repeat(width - filled),
                done,
                total,
                eta,
                detail == null ? "" : ", " + detail);
        if (view != null) {
            view.show(bar);
            return;
        }
        out.print("\r" + bar + "  ");
        out.flush();
    }

    private void log(long done, String detail) {
        if (logEveryNanos <= 0) return;
        long now = System.nanoTime();
        if (now - (lastDraw == 0 ? started : lastDraw) < logEveryNanos) return;
        lastDraw = now;
        double elapsed = (now - started) / 1e9;
        System.err.println(String.format(
                Locale.ROOT,
                "%s: %d/%d after %.0f s, ETA %.0f s%s",
                label,
                done,
                total,
                elapsed,
                done == 0 ? Double.NaN : elapsed * (total - done) / done,
                detail == null ? "" : "; " + detail));
    }

    public void finish() {
        if (view != null) {
            if (lastDraw != 0) view.close();
            return;
        }
        if (out == null || lastDraw == 0) return; // (log lines need no clearing)
        out.print("\r" + " ".repeat(label.length() + 140) + "\r");
        out.flush();
    }
}
