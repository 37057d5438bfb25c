package soma.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares program output with the expected output: text must match exactly, numbers within a
 * relative (or, near zero, absolute) tolerance, so last-digit differences between machines do
 * not break golden tests while real changes do.
 */
public final class OutputComparison {
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private OutputComparison() {}

    /** Null when equal within tolerance, else a description of the first difference. */
    public static String difference(String expected, String actual, double tolerance) {
        String[] e = expected.strip().split("\n", -1);
        String[] a = actual.strip().split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<missing line>";
            String al = i < a.length ? a[i] : "<missing line>";
            if (!linesMatch(el.stripTrailing(), al.stripTrailing(), tolerance)) {
                return "line " + (i + 1) + ":\n  expected: " + el + "\n  actual:   " + al;
            }
        }
        return null;
    }

    static boolean linesMatch(String expected, String actual, double tol) {
        if (expected.equals(actual)) return true;
        List<String> et = split(expected);
        List<String> at = split(actual);
        if (et.size() != at.size()) return false;
        for (int i = 0; i < et.size(); i++) {
            String x = et.get(i);
            String y = at.get(i);
            if (x.equals(y)) continue;
            if (!NUMBER.matcher(x).matches() || !NUMBER.matcher(y).matches()) return false;
            double dx = Double.parseDouble(x);
            double dy = Double.parseDouble(y);
            if (Math.abs(dx - dy) > tol * Math.max(1.0, Math.max(Math.abs(dx), Math.abs(dy)))) return false;
        }
        return true;
    }

    /** Alternating text and number tokens. */
    static List<String> split(String line) {
        List<String> tokens = new ArrayList<>();
        Matcher m = NUMBER.matcher(line);
        int last = 0;
        while (m.find()) {
            // a digit glued to a name (x1, g_el2) is text, not a number
            if (m.start() > 0 && Character.isLetter(line.charAt(m.start() - 1))) continue;
            tokens.add(line.substring(last, m.start()));
            tokens.add(m.group());
            last = m.end();
        }
        tokens.add(line.substring(last));
        return tokens;
    }
}
