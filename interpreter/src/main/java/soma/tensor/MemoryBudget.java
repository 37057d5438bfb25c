package soma.tensor;

import java.util.Locale;

/**
 * Checks a large allocation against the Java heap before it is made, so a request that cannot fit
 * becomes a clear error ("needs 8.0 GB; 3.1 GB is available") instead of an OutOfMemoryError
 * thrown from wherever the heap ran out. Callers throw their own located error with the message.
 *
 * <p>The budget is the heap maximum minus what is in use. Part of "in use" may be garbage, so a
 * request that fits the maximum but not the free part first asks for a collection.
 */
public final class MemoryBudget {
    /** Requests below this are not checked: they cannot matter and the check is not free. */
    static final double SMALL = 64L << 20;

    private MemoryBudget() {}

    /** Null when {@code bytes} can be allocated, else "needs X; Y is available". */
    public static String shortfall(double bytes) {
        if (!(bytes > SMALL)) return null; // also lets NaN through: the caller's own checks report it
        Runtime rt = Runtime.getRuntime();
        if (bytes <= available(rt)) return null;
        if (bytes <= rt.maxMemory()) {
            System.gc();
            if (bytes <= available(rt)) return null;
        }
        return "needs " + format(bytes) + " of memory; " + format(available(rt)) + " is available";
    }

    /** What the heap can still give: its maximum minus what is in use. */
    public static long available() {
        return available(Runtime.getRuntime());
    }

    private static long available(Runtime rt) {
        return Math.max(0, rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()));
    }

    /** 8.0 GB, 512.0 MB, 1.2 PB: decimal units of bytes, one decimal. */
    public static String format(double bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
        int u = 0;
        while (bytes >= 1000 && u < units.length - 1) {
            bytes /= 1000;
            u++;
        }
        return u == 0
                ? String.format(Locale.ROOT, "%.0f bytes", bytes)
                : String.format(Locale.ROOT, "%.1f %s", bytes, units[u]);
    }

    /** The message of an OutOfMemoryError that happened anyway, for the located error that replaces it. */
    public static String outOfMemory(String during) {
        return "out of memory" + (during == null ? "" : " in " + during) + " (the Java heap holds at most "
                + format(Runtime.getRuntime().maxMemory())
                + "): work on smaller pieces, or give Java a larger heap (SOMA_JAVA_OPTS=-Xmx16g)";
    }
}
