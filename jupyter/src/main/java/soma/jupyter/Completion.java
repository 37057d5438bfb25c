package soma.jupyter;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import soma.SomaLanguage;
import soma.host.Help;

/**
 * Tab completes keywords, builtins and the session's globals; Shift-Tab shows a builtin's
 * signature and help, or a global's type. Jupyter counts cursor positions in code points, Java
 * strings in UTF-16 units: positions are converted at the edges.
 */
final class Completion {
    private final Supplier<Context> context;

    Completion(Supplier<Context> context) {
        this.context = context;
    }

    ReplacementOptions complete(String code, int cursorCodePoints) {
        int at = toIndex(code, cursorCodePoints);
        int start = wordStart(code, at);
        String prefix = code.substring(start, at);
        List<String> names = new ArrayList<>(Help.names());
        names.addAll(globals());
        List<String> matches = names.stream()
                .distinct()
                .filter(n -> n.startsWith(prefix))
                .sorted()
                .toList();
        return new ReplacementOptions(matches, code.codePointCount(0, start), cursorCodePoints);
    }

    DisplayData inspect(String code, int cursorCodePoints) {
        String name = nameAt(code, toIndex(code, cursorCodePoints));
        if (name.isEmpty()) return null;
        List<String> help = Help.describe(name);
        if (!help.isEmpty()) return new DisplayData(String.join("\n", help));
        if (!globals().contains(name)) return null;
        try {
            String type = context.get()
                    .eval(Source.newBuilder(SomaLanguage.ID, "type(" + name + ")", "<inspect>")
                            .buildLiteral())
                    .toString();
            String shown = type.equals("fn")
                    ? context.get()
                            .eval(Source.newBuilder(SomaLanguage.ID, "str(" + name + ")", "<inspect>")
                                    .buildLiteral())
                            .toString()
                    : name;
            return new DisplayData(shown + "  : " + type);
        } catch (PolyglotException | IllegalStateException e) {
            return null; // inspection is a convenience: nothing to show rather than an error
        }
    }

    private List<String> globals() {
        try {
            return new ArrayList<>(context.get().getBindings(SomaLanguage.ID).getMemberKeys());
        } catch (PolyglotException | IllegalStateException e) {
            return List.of(); // keywords and builtins still complete
        }
    }

    /** The name under or just before the cursor; inside a call's parentheses, the called name. */
    static String nameAt(String code, int at) {
        int start = wordStart(code, at);
        int end = at;
        while (end < code.length() && isNamePart(code.charAt(end))) end++;
        if (end > start) return code.substring(start, end);
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ')') depth++;
            else if (c == '(' && depth-- == 0) {
                int e = i;
                while (e > 0 && Character.isWhitespace(code.charAt(e - 1))) e--;
                return code.substring(wordStart(code, e), e);
            }
        }
        return "";
    }

    private static int wordStart(String code, int at) {
        int start = at;
        while (start > 0 && isNamePart(code.charAt(start - 1))) start--;
        return start;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int toIndex(String code, int codePoints) {
        int n = Math.max(0, Math.min(codePoints, code.codePointCount(0, code.length())));
        return code.offsetByCodePoints(0, n);
    }
}
