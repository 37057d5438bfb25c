package soma.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import soma.golden.ScriptRunner;

/**
 * Arguments that used to leak a Java exception or give a wrong answer with exit 0 (issue 15):
 * each is now a located Soma error that says what is wrong, or the right answer.
 */
class BuiltinArgumentsTest {
    private static final String MODEL = """
            ode F(tau = 12.5, a = 0.7, b = 0.8, I = 0) {
                state v = -1, w = -0.5
                dv/dt = v - v^3 / 3 - w + I
                dw/dt = (v + a - b * w) / tau
            }
            flow Q(dim = 2) { affine() }
            """;

    /** Runs one line after the model and asserts it stops with {@code error: <message>} (a Soma error, no Java names). */
    private static void fails(String line, String message) {
        String out = ScriptRunner.runCode(MODEL + line + "\n", "case.soma");
        assertTrue(out.contains("error: " + message), line + "\n gave: " + out);
        assertFalse(
                out.contains("internal error") || out.contains("Exception") || out.contains("java."),
                line + "\n leaked: " + out);
    }

    private static String prints(String line) {
        String out = ScriptRunner.runCode(MODEL + line + "\n", "case.soma");
        assertFalse(out.contains("error"), line + "\n gave: " + out);
        return out.strip();
    }

    @Test
    void internalErrorsBecomeSomaErrors() {
        fails("print(fmt(1.5, -3))", "fmt: digits must be between 0 and 100, got -3");
        fails("print(sci(1.5, -1))", "sci: digits must be between 0 and 100, got -1");
        fails("simulate(F(), t: inf)", "simulate: t must be a finite duration, got inf");
        fails("simulate(F(), t: 10, params: {I: zeros(0)})", "simulate: params has no samples");
        fails("simulate(F(), t: 10, params: zeros(0, 1), over: [\"I\"])", "simulate: params has no samples");
        fails(
                "sweep(F(), over: {I: []}, statistic: fn(r) = r.v[:, -1], t: 10)",
                "sweep: over.I has no values to sweep");
        fails(
                "sweep(F(), over: {I: [1, 0.5], a: [0.6, 0.7]}, statistic: fn(r) = r.v[:, -1], t: 1, to: \"target/args-test/s.png\")",
                "sweep: over.I must be increasing, but value 1 (0.5) does not exceed the one before (1)");
        fails("heatmap([[1, 2], [3, 4]], x: [2, 1], to: \"target/args-test/h.png\")", "heatmap: x must be increasing");
        fails("heatmap([[1, 2], [3, 4]], y: [0, 0], to: \"target/args-test/h.png\")", "heatmap: y must be increasing");
        fails("plot([], [], to: \"target/args-test/p.png\")", "plot: x is empty: nothing to plot");
        fails("scatter([], [], to: \"target/args-test/p.png\")", "scatter: x of point set 0 is empty");
        fails("heatmap([], to: \"target/args-test/p.png\")", "heatmap: heat map z is empty");
        fails("pairplot(zeros(0, 2), to: \"target/args-test/p.png\")", "pairplot: pair plot samples is empty");
        fails("hist2d([], [], to: \"target/args-test/p.png\")", "hist2d: x is empty");
        fails("hist2d([1, 2], [1, 2], bins: -1)", "hist2d: 'bins' must be at least 1, got -1");
        fails("hist([1, 2], bins: 0)", "hist: 'bins' must be at least 1, got 0");
        fails(
                "sweep(F(), over: {I: [0, 0.5]}, statistic: fn(r) = r.v[:, -1], t: 1, dt: -0.025)",
                "sweep: dt must be positive, got -0.025");
    }

    @Test
    void badOptionsAreRefused() {
        fails(
                "simulate(F(), t: 10, method: dopri5, rtol: -1)",
                "simulate: rtol and atol must be finite and non-negative");
        fails("simulate(F(), t: 10, threads: 0)", "simulate: 'threads' must be at least 1, got 0");
        fails(
                "simulate(F(), t: 10, steps: 100)",
                "simulate: give t: (a duration) or steps: (a number of steps), not both");
        fails("Q().fit(gaussian(mean: [0, 0]), iterations: -1)", "fit: 'iterations' must be at least 1, got -1");
        fails("Q().fit(gaussian(mean: [0, 0]), lr: 0)", "fit: 'lr' must be a positive number, got 0");
        fails("simulate(F(), t: 10, params: [[1, 2]], over: [\"I\", \"I\"])", "simulate: 'over' names 'I' twice");
        fails("gaussian(mean: [])", "gaussian: mean must have at least one coordinate");
        fails("gaussian(mean: [0]).truncated(1, 1)", "truncated: the box must have lo < hi");
        fails("fixed_points(F(), starts: 0)", "fixed_points: 'starts' must be at least 1, got 0");
        fails(
                "fixed_points(F(), within: [2, -2])",
                "fixed_points: within must give finite bounds lo < hi, got [2, -2]");
        fails(
                "fixed_points(F(), within: [nan, 2])",
                "fixed_points: within must give finite bounds lo < hi, got [nan, 2]");
        fails("help(\"nonexistent\")", "help: there is no builtin named 'nonexistent'");
    }

    @Test
    void wrongResultsBecomeErrorsOrRightAnswers() {
        assertEquals("1e+18", prints("print(len(0..1e18))"));
        assertEquals("5", prints("print(len(range(0, 10, 2)))"));
        fails("print(simulate(F(), t: nan))", "simulate: t must be a finite duration, got nan");
        fails(
                "print(gaussian(mean: [0]).truncated(5, -5))",
                "truncated: the box must have lo < hi in every coordinate, got lo = 5, hi = -5");
        fails("print(spectrum([1, 2, 3], 0))", "spectrum: 'dt' must be a positive number, got 0");
        fails("print(hub_frequency(zeros(200), dt: -1))", "hub_frequency: 'dt' must be a positive number, got -1");
        fails("print(dominant_frequency(zeros(0), 1))", "dominant_frequency: x needs at least 2 samples");
    }

    @Test
    void simulateAndSweepShareTheirRules() {
        // sweep used to round t / dt (41 steps for t: 1.03, dt: 0.025) where simulate refused
        fails("simulate(F(), t: 1.03, dt: 0.025)", "simulate: t = 1.03 is not a whole number of steps of dt = 0.025");
        fails(
                "sweep(F(), over: {I: [0, 0.5]}, statistic: fn(r) = r.v[:, -1], t: 1.03, dt: 0.025)",
                "sweep: t = 1.03 is not a whole number of steps of dt = 0.025");
        fails(
                "sweep(F(), over: {I: [0, 0.5]}, statistic: fn(r) = r.v[:, -1], t: 1, threads: 0)",
                "sweep: 'threads' must be at least 1, got 0");
        fails(
                "sweep(F(), over: {I: [0, 0.5]}, statistic: fn(r) = r.v[:, -1], t: 1, steps: 40)",
                "sweep: give t: (a duration) or steps:");
        // sweep keeps its own defaults: dt 0.025 and euler, so t: 1 is 40 steps of euler
        assertEquals(
                prints("print(simulate(F(), t: 1, dt: 0.025, method: euler).v[-1])"),
                prints("print(sweep(F(), over: {I: [0]}, statistic: fn(r) = r.v[:, -1], t: 1).values[0])"));
    }

    @Test
    void aPlotThatCannotBeSavedSaysWhy() throws IOException {
        Files.createDirectories(Path.of("target/args-test/folder.png"));
        String out = ScriptRunner.runCode(
                MODEL + "plot([1, 2], [3, 4], to: \"target/args-test/folder.png\", preview: false)\n", "case.soma");
        assertTrue(out.contains("cannot save plot to target/args-test/folder.png: "), out);
        assertFalse(
                out.strip().lines().findFirst().orElse("").endsWith("folder.png"),
                "the reason is more than the path: " + out);
        assertFalse(out.contains("Exception"), out);
    }

    @Test
    void histDrawsAgain() {
        // hist read its options one argument too far and failed on every call
        assertEquals(
                "target/args-test/hist.png",
                prints("print(hist([1, 2, 3, 2], bins: 3, to: \"target/args-test/hist.png\", preview: false))"));
    }

    @Test
    void helpShowsDefaults() {
        String out = prints("help(\"linspace\")");
        assertEquals("linspace(a, b, n = 50)  -  n evenly spaced points from a to b inclusive", out);
        assertTrue(prints("help(\"sample\")").contains("flow.sample(n = 1000)"));
    }
}
