package soma.plot;

import java.nio.charset.StandardCharsets;

/**
 * Adds an SVG {@code <title>} element to a finished document.
 *
 * <p>XChart draws every glyph as an outline path, so the visible title is not searchable text in
 * the SVG. A {@code <title>} child of the root element is the standard accessible name of an SVG
 * image (shown as a tooltip by browsers) and makes the file findable by its title.
 */
final class SvgText {
    private SvgText() {}

    static byte[] withTitle(byte[] svg, String title) {
        if (title == null || title.isBlank()) {
            return svg;
        }
        String doc = new String(svg, StandardCharsets.UTF_8);
        int root = doc.indexOf("<svg");
        int end = root < 0 ? -1 : doc.indexOf('>', root);
        if (end < 0) {
            return svg; // not what we expected from the encoder; leave it untouched
        }
        String inserted =
                doc.substring(0, end + 1) + "\n  <title>" + escape(title) + "</title>" + doc.substring(end + 1);
        return inserted.getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                // XML 1.0 forbids most control characters; a stray one must not make the file unreadable
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
