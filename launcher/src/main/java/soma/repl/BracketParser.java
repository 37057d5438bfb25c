package soma.repl;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/** Asks jline for another line while brackets or a string are still open (multi-line input). */
final class BracketParser extends DefaultParser {
    BracketParser() {
        setEscapeChars(new char[0]);
        setQuoteChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.startsWith(":")) {
            int open = openBrackets(line);
            if (open > 0) throw new EOFError(-1, -1, "open bracket", "bracket", open, "}");
            if (line.endsWith("\\")) throw new EOFError(-1, -1, "continued line", "continuation");
        }
        return super.parse(line, cursor, context);
    }

    /**
     * Words for completion end at brackets, commas and operators too, so {@code print(lin<Tab>}
     * completes {@code lin}, not {@code print(lin}.
     */
    @Override
    public boolean isDelimiterChar(CharSequence buffer, int pos) {
        char c = buffer.charAt(pos);
        return !(Character.isLetterOrDigit(c) || c == '_');
    }

    /** Count of unclosed ( [ { outside strings and comments. */
    static int openBrackets(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '#' -> {
                    while (i < text.length() && text.charAt(i) != '\n') i++;
                }
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth--;
                default -> {}
            }
        }
        return inString ? Math.max(depth, 1) : depth;
    }
}
