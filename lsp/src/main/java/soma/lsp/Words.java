package soma.lsp;

import org.eclipse.lsp4j.Position;

/** Names in a document at an LSP position (0-based line and character). */
final class Words {
    private Words() {}

    /** The name being typed just before {@code p}. */
    static String before(String text, Position p) {
        int offset = offset(text, p);
        int start = offset;
        while (start > 0 && isNamePart(text.charAt(start - 1))) start--;
        return text.substring(start, offset);
    }

    /** The whole name under {@code p} (empty if none). */
    static String at(String text, Position p) {
        int offset = offset(text, p);
        int start = offset;
        int end = offset;
        while (start > 0 && isNamePart(text.charAt(start - 1))) start--;
        while (end < text.length() && isNamePart(text.charAt(end))) end++;
        return text.substring(start, end);
    }

    static int offset(String text, Position p) {
        int offset = 0;
        for (int line = 0; line < p.getLine() && offset < text.length(); line++) {
            int nl = text.indexOf('\n', offset);
            offset = nl < 0 ? text.length() : nl + 1;
        }
        return Math.min(text.length(), offset + p.getCharacter());
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
