package soma.util;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a start goes (issue 20). With {@code -Dsoma.startupTrace=true} (SOMA_JAVA_OPTS for
 * bin/soma) each mark prints to stderr the milliseconds since the start and since the previous
 * mark; the start is the first mark, or the command's when bin/soma runs as {@code
 * SOMA_T0=$EPOCHREALTIME bin/soma ...}. Off, a mark is one test of a constant, so the marks stay
 * in the start-up path.
 *
 * <p>With {@code -Dsoma.startupTrace=profile}, {@link #profile()} also samples the main thread's
 * stack every millisecond and prints the methods seen most at exit ({@code
 * -Dsoma.startupTrace.focus=NAME}: also the callers of the method NAME). A JFR recording cannot
 * stand in for it: JFR turns the ahead-of-time cache off, and so measures another start.
 */
public final class StartupTrace {
    private static final String MODE = System.getProperty("soma.startupTrace", "");
    private static final boolean ON = MODE.equals("true") || MODE.equals("profile");
    private static final long ORIGIN = origin();
    private static long previous = -1;

    private StartupTrace() {}

    private static long origin() {
        String t0 = ON ? System.getenv("SOMA_T0") : null;
        try {
            if (t0 != null) return Math.round(Double.parseDouble(t0.replace(',', '.')) * 1000);
        } catch (NumberFormatException e) {
            // not a time: count from the first mark
        }
        return System.currentTimeMillis();
    }

    public static void mark(String what) {
        if (ON) print(what);
    }

    private static synchronized void print(String what) {
        long now = System.currentTimeMillis() - ORIGIN;
        long delta = previous < 0 ? now : now - previous;
        previous = now;
        System.err.printf("soma startup: %-28s at %5d ms (+%d)%n", what, now, delta);
    }

    /** Samples the calling thread until the JVM exits (only with -Dsoma.startupTrace=profile). */
    public static void profile() {
        if (!MODE.equals("profile")) return;
        Thread target = Thread.currentThread();
        String focus = System.getProperty("soma.startupTrace.focus");
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        AtomicInteger samples = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                count(target.getStackTrace(), focus, counts);
                samples.incrementAndGet();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("soma startup: " + samples.get() + " samples of " + target.getName());
            counts.entrySet().stream()
                    .sorted((a, b) -> b.getValue() - a.getValue())
                    .limit(600)
                    .forEach(e -> System.err.println("  " + e.getValue() + " " + e.getKey()));
        }));
    }

    /** Each method once per sample (inclusive counts), and the callers of the focus method. */
    private static void count(StackTraceElement[] stack, String focus, Map<String, Integer> counts) {
        Set<String> seen = new HashSet<>();
        boolean focused = false;
        for (int i = 0; i < stack.length; i++) {
            String method = stack[i].getClassName() + "." + stack[i].getMethodName();
            if (seen.add(method)) counts.merge(method, 1, Integer::sum);
            if (!focused && focus != null && method.contains(focus)) {
                focused = true;
                StringBuilder callers = new StringBuilder("[callers of " + focus + "]");
                for (int j = i; j < Math.min(stack.length, i + 30); j++)
                    callers.append("\n      ")
                            .append(stack[j].getClassName())
                            .append('.')
                            .append(stack[j].getMethodName());
                counts.merge(callers.toString(), 1, Integer::sum);
            }
        }
    }
}
