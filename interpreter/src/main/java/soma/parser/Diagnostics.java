package soma.parser;

import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;
import java.util.ArrayList;
import java.util.List;
import soma.util.Carets;

/** Collects syntax errors of one source and formats them the way every Soma error looks. */
public final class Diagnostics {
    private final Source source;
    private final List<String> messages = new ArrayList<>();
    private SourceSection first;

    Diagnostics(Source source) {
        this.source = source;
    }

    /** An error at absolute character offset {@code start}, underlining {@code length} characters. */
    void error(int start, int length, String message) {
        int len = source.getLength();
        int s = Math.max(0, Math.min(start, len));
        if (s == len) s = endOfText();
        int l = Math.max(0, Math.min(length, len - s));
        SourceSection section = source.createSection(s, l);
        if (first == null) first = section;
        messages.add(format(section, "error: " + message));
    }

    /**
     * Where an error at the end of input is shown: just after the last character that is not
     * white space, so the caret lands on a line the user wrote rather than one past the end.
     */
    private int endOfText() {
        CharSequence text = source.getCharacters();
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) end--;
        return end;
    }

    boolean hasErrors() {
        return !messages.isEmpty();
    }

    SomaSyntaxError toException() {
        return new SomaSyntaxError(String.join("\n", messages), first);
    }

    /** {@code file:line:col: message}, then the source line and a caret under the section. */
    public static String format(SourceSection section, String message) {
        Source src = section.getSource();
        String name = src.getPath() != null ? src.getPath() : src.getName();
        int line = section.getStartLine();
        String text = src.hasCharacters() && line <= src.getLineCount()
                ? src.getCharacters(line).toString()
                : null;
        int width = section.getStartLine() == section.getEndLine() ? section.getCharLength() : Integer.MAX_VALUE;
        return Carets.render(name, line, section.getStartColumn(), message, text, width);
    }
}
