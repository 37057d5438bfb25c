package soma.util;

/** The one look of a located message: {@code file:line:col: message}, the line, a caret. */
public final class Carets {
    private Carets() {}

    /**
     * @param lineText the source line, or null if unavailable
     * @param width how many characters to underline (at least one)
     */
    public static String render(String file, int line, int col, String message, String lineText, int width) {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(':').append(line).append(':').append(col).append(": ").append(message);
        if (lineText != null) {
            String text = lineText.replace('\t', ' ');
            int available = Math.max(1, text.length() - col + 1);
            sb.append("\n    ").append(text).append("\n    ").append(" ".repeat(Math.max(0, col - 1)))
              .append("^".repeat(Math.max(1, Math.min(width, available))));
        }
        return sb.toString();
    }
}
