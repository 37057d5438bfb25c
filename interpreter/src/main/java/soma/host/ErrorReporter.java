package soma.host;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import soma.util.Carets;

/**
 * Prints a failed evaluation the Soma way: syntax errors as the parser formatted them; run-time
 * errors as file:line:col, the line with a caret, and a short Soma call trace. Java stack traces
 * only with --debug.
 */
public final class ErrorReporter {
    private static final int TRACE_LIMIT = 8;
    private final PrintStream err;
    private final boolean debug;

    public ErrorReporter(PrintStream err, boolean debug) {
        this.err = err;
        this.debug = debug;
    }

    public void report(PolyglotException e) {
        if (e.isSyntaxError()) {
            err.println(e.getMessage());
        } else if (e.isInterrupted() || e.isCancelled()) {
            err.println("interrupted");
        } else if (e.isExit()) {
            return;
        } else if (e.isGuestException()) {
            err.println(located(e.getSourceLocation(), "error: " + e.getMessage()));
            for (String line : trace(e)) err.println(line);
        } else if (e.isResourceExhausted()) {
            err.println("error: out of resources: " + e.getMessage());
        } else {
            err.println("internal error: " + e.getMessage()
                    + (debug ? "" : " (run with --debug for the Java stack trace)"));
        }
        if (debug) e.printStackTrace(err);
        err.flush();
    }

    static String located(SourceSection s, String message) {
        if (s == null || !s.isAvailable()) return message;
        String file = s.getSource().getPath() != null
                ? s.getSource().getPath()
                : s.getSource().getName();
        String lineText = null;
        if (s.getSource().hasCharacters() && s.getStartLine() <= s.getSource().getLineCount()) {
            lineText = s.getSource().getCharacters(s.getStartLine()).toString();
        }
        int width = s.getStartLine() == s.getEndLine() ? s.getCharLength() : Integer.MAX_VALUE;
        return Carets.render(file, s.getStartLine(), s.getStartColumn(), message, lineText, width);
    }

    /** "  in f at file:3:9" lines, innermost first; long recursions are collapsed. */
    private static List<String> trace(PolyglotException e) {
        List<String> frames = new ArrayList<>();
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (!f.isGuestFrame()) continue;
            SourceSection s = f.getSourceLocation();
            String where = s == null
                    ? ""
                    : " at "
                            + (s.getSource().getPath() != null
                                    ? s.getSource().getPath()
                                    : s.getSource().getName()) + ":" + s.getStartLine() + ":" + s.getStartColumn();
            frames.add("  in " + f.getRootName() + where);
        }
        if (frames.size() <= 1) return List.of();
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < frames.size()) {
            int j = i;
            while (j + 1 < frames.size() && frames.get(j + 1).equals(frames.get(i))) j++;
            out.add(frames.get(i));
            int repeats = j - i;
            if (repeats > 0)
                out.add("  ... the same "
                        + (repeats < 1000
                                ? repeats + " more time" + (repeats == 1 ? "" : "s")
                                : "call many more times"));
            i = j + 1;
            if (out.size() >= TRACE_LIMIT && i < frames.size()) {
                out.add("  ... " + (frames.size() - i) + " more frames");
                out.add(frames.get(frames.size() - 1));
                break;
            }
        }
        return out;
    }
}
