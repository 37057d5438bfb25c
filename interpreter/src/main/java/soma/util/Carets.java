package soma.util;

/** The one look of a located message: {@code file:line:col: message}, the line, a caret. */
public final class Carets {
    /** Longest part of a source line shown; a longer line is cut to a window around the caret. */
    static final int WINDOW = 120;

    private Carets() {}

    /**
     * @param lineText the source line, or null if unavailable
     * @param width how many characters to underline (at least one)
     */
    public static String render(String file, int line, int col, String message, String lineText, int width) {
        StringBuilder sb = new StringBuilder();
        sb.append(file)
                .append(':')
                .append(line)
                .append(':')
                .append(col)
                .append(": ")
                .append(message);
        if (lineText != null) {
            int caret = Math.max(0, Math.min(col - 1, lineText.length()));
            int end = (int) Math.min(lineText.length(), (long) caret + Math.max(1, width));
            // A window of the line around the caret, so a huge generated line is not echoed whole.
            int from = 0, to = lineText.length();
            if (to - from > WINDOW) {
                from = Math.max(0, caret - WINDOW / 2);
                to = Math.min(lineText.length(), from + WINDOW);
                from = Math.max(0, Math.min(from, to - WINDOW));
                end = Math.min(end, to);
            }
            StringBuilder shown = new StringBuilder(from > 0 ? "..." : "");
            int caretAt = 0, endAt = 0;
            for (int i = from; i <= to; i++) {
                if (i == caret) caretAt = shown.length();
                if (i == end) endAt = shown.length();
                if (i < to) shown.append(visible(lineText.charAt(i)));
            }
            if (to < lineText.length()) shown.append("...");
            sb.append("\n    ")
                    .append(shown)
                    .append("\n    ")
                    .append(" ".repeat(caretAt))
                    .append("^".repeat(Math.max(1, endAt - caretAt)));
        }
        return sb.toString();
    }

    /** How one source character is shown: a tab as a space, control characters escaped, a byte-order mark not at all. */
    private static String visible(char c) {
        if (c == '\t') return " ";
        if (c == '\uFEFF') return "";
        if (Character.isISOControl(c)) return String.format("\\x%02X", (int) c);
        return String.valueOf(c);
    }
}
