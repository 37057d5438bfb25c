package soma.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import soma.SomaLanguage;

/**
 * Checks a document the way the interpreter does before running it: {@code Context.parse} runs
 * Soma's parser and its declaration checks without executing anything. All errors of a source come
 * in one message, each as {@code NAME:line:col: error: ...}, the line, and carets under the range.
 */
final class Checker {
    private static final String NAME = "document";
    private static final Pattern HEAD = Pattern.compile("^" + NAME + ":(\\d+):(\\d+): error: (.*)$");

    private Context context;

    synchronized List<Diagnostic> check(String text) {
        if (context == null) {
            context = Context.newBuilder(SomaLanguage.ID)
                    .option("engine.WarnInterpreterOnly", "false")
                    .build();
        }
        try {
            context.parse(Source.newBuilder(SomaLanguage.ID, text, NAME).buildLiteral());
            return List.of();
        } catch (PolyglotException e) {
            if (!e.isSyntaxError()) return List.of();
            return diagnostics(e.getMessage());
        }
    }

    static List<Diagnostic> diagnostics(String message) {
        List<Diagnostic> result = new ArrayList<>();
        String[] lines = message.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = HEAD.matcher(lines[i]);
            if (!m.matches()) continue;
            int line = Integer.parseInt(m.group(1)) - 1;
            int col = Integer.parseInt(m.group(2)) - 1;
            int width = 1;
            if (i + 2 < lines.length && lines[i + 2].trim().startsWith("^"))
                width = lines[i + 2].trim().length();
            Range range = new Range(new Position(line, col), new Position(line, col + width));
            result.add(new Diagnostic(range, m.group(3), DiagnosticSeverity.Error, "soma"));
        }
        return result;
    }

    synchronized void close() {
        if (context != null) context.close();
        context = null;
    }
}
