package soma.display;

import soma.plot.Figure;

/**
 * Where rich output goes: the installed {@link Frontend}, if any. One process runs one Soma
 * session (script, REPL or notebook kernel), so the front end is process-wide, like
 * {@link soma.util.GracefulStop}.
 */
public final class Display {
    private static volatile Frontend frontend;

    private Display() {}

    public static void install(Frontend f) {
        frontend = f;
    }

    /** True when a front end shows plots inline (then a terminal preview would be noise). */
    public static boolean active() {
        return frontend != null;
    }

    /** Shows the figure inline; false when no front end is installed. */
    public static boolean figure(Figure figure) {
        Frontend f = frontend;
        if (f == null) return false;
        f.figure(figure);
        return true;
    }

    /** Shows an echoed value richly; false when no front end is installed (then it is printed). */
    public static boolean value(Object value, String plain) {
        Frontend f = frontend;
        if (f == null) return false;
        f.value(plain, ValueHtml.render(value, plain));
        return true;
    }

    /** An in-place progress display, or null without a front end. */
    public static Frontend.ProgressView progress() {
        Frontend f = frontend;
        return f == null ? null : f.progress();
    }
}
