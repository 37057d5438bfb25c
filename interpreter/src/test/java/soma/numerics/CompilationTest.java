package soma.numerics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;

/**
 * The integrator's time loop must be compiled by Graal while it runs (on-stack replacement) and
 * stay compiled: checked with the compiler's own trace, as the architecture notes require.
 */
class CompilationTest {
    @Test
    void rk4LoopIsCompiledByOnStackReplacementAndStaysCompiled() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Engine engine = Engine.newBuilder("soma")
                .allowExperimentalOptions(true)
                .option("engine.TraceCompilation", "true")
                .option(
                        "engine.BackgroundCompilation",
                        "false") // compile synchronously: the trace is complete when eval returns
                .logHandler(log)
                .out(out)
                .err(out)
                .build();
        try (Context context =
                Context.newBuilder("soma").engine(engine).out(out).err(out).build()) {
            context.eval("soma", """
                    ode FitzHughNagumo(tau = 12.5, a = 0.7, b = 0.8, I = 0.5) {
                        state v = -1, w = -0.5
                        dv/dt = v - v^3 / 3 - w + I
                        dw/dt = (v + a - b * w) / tau
                    }
                    let m = FitzHughNagumo()
                    let first = simulate(m, steps: 400000, dt: 0.01, every: 1000)
                    let second = simulate(m, steps: 400000, dt: 0.01, every: 1000)
                    print(first.v[-1] == second.v[-1])
                    """);
        }
        engine.close();
        String trace = log.toString(StandardCharsets.UTF_8);
        assertTrue(
                trace.lines().anyMatch(l -> l.contains("opt done") && l.contains("Rk4") && l.contains("OSR")),
                "the RK4 loop was not compiled by OSR:\n" + trace);
        assertFalse(trace.contains("opt failed"), trace);
        assertFalse(
                trace.contains("opt deopt") || trace.contains("opt inval"), "compiled code was thrown away:\n" + trace);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("true"), out.toString(StandardCharsets.UTF_8));
    }
}
