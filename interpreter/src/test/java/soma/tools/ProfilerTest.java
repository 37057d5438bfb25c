package soma.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;
import soma.host.Contexts;

/** {@code soma --cpusampler}: GraalVM's CPU sampler, switched on as the launcher does. */
class ProfilerTest {
    private static final String SCRIPT = """
            fn hot(n) {
                let s = 0
                let i = 0
                while i < n {
                    s = s + sqrt(i) * sin(i)
                    i = i + 1
                }
                s
            }
            fn cold() = 1
            let total = 0
            for k in 0..100 { total = total + hot(20000) + cold() }
            print("done")
            """;

    /** A model simulated twenty times by a function; the {@code simulate} call is on line 8. */
    private static final String MODELS = """
            ode Fhn(tau = 12.5, a = 0.7, b = 0.8, I = 0.5) {
                state v = -1, w = -0.5
                dv/dt = v - v^3 / 3 - w + I
                dw/dt = (v + a - b * w) / tau
            }
            fn run_many() {
                let s = 0
                for k in 0..20 { s = s + simulate(Fhn(), t: 2000, dt: 0.01, method: rk4).v[-1] }
                s
            }
            print(run_many())
            """;

    @Test
    void theHotFunctionComesFirstWithItsLine() {
        String profile = profile(SCRIPT, "hot.soma");
        // the histogram's rows: " name || total || self || location", hottest (by self time) first
        List<String> rows = profile.lines()
                .filter(l -> l.contains("||") && l.contains("hot.soma"))
                .toList();
        assertTrue(!rows.isEmpty(), profile);
        assertTrue(rows.get(0).trim().startsWith("hot "), "hot first:\n" + profile);
        assertTrue(rows.get(0).contains("hot.soma~1"), "with its line:\n" + profile);
    }

    /** Time inside a compiled integrator goes to the model (and method), at its declaration. */
    @Test
    void integratorTimeIsListedUnderTheModelDeclaration() {
        String profile = profile(MODELS, "models.soma");
        List<String> rows = profile.lines()
                .filter(l -> l.contains("||") && l.contains("models.soma"))
                .toList();
        assertTrue(!rows.isEmpty(), profile);
        assertTrue(rows.get(0).trim().startsWith("Fhn.rk4 "), "the integrator first:\n" + profile);
        assertTrue(rows.get(0).contains("models.soma~1-5"), "at the declaration:\n" + profile);
    }

    /**
     * The call tree puts the integrator's time under the {@code simulate} call that asked for it,
     * located at that call's line, under the function that made it.
     */
    @Test
    void callTreeNamesTheSimulateCallAndItsLine() {
        String profile = profile(MODELS, "tree.soma", Map.of("cpusampler", "true", "cpusampler.Output", "calltree"));
        List<String> rows = profile.lines().filter(l -> l.contains("||")).toList();
        int caller = indexOf(rows, "run_many ");
        int simulate = indexOf(rows, "simulate ");
        int integrator = indexOf(rows, "Fhn.rk4 ");
        assertTrue(
                caller >= 0 && simulate > caller && integrator > simulate, "caller > simulate > Fhn.rk4:\n" + profile);
        assertTrue(rows.get(simulate).contains("tree.soma~8:"), "simulate at the line that calls it:\n" + profile);
        assertTrue(
                depth(rows.get(simulate)) > depth(rows.get(caller))
                        && depth(rows.get(integrator)) > depth(rows.get(simulate)),
                "nested:\n" + profile);
    }

    private static int indexOf(List<String> rows, String name) {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).trim().startsWith(name)) return i;
        return -1;
    }

    private static int depth(String row) {
        return row.length() - row.stripLeading().length();
    }

    private static String profile(String script, String name) {
        return profile(script, name, Map.of("cpusampler", "true"));
    }

    private static String profile(String script, String name, Map<String, String> tools) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Contexts.newContext(Contexts.Settings.defaults(), tools, System.in, out, out)) {
            context.eval(Source.newBuilder("soma", script, name).buildLiteral());
        }
        return out.toString();
    }
}
