package soma.numerics.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import soma.golden.ScriptRunner;
import soma.golden.SomaNumbers;

/**
 * The vectorised batch path against the scalar path, in one process: the same script with the
 * batch path on and off. Without exp/tanh/cosh/sinh/sigmoid the arithmetic is the same operation
 * for operation, so results are bit-identical; with them, FastMath's few ulps per call make the
 * trajectories differ in the last digits, within the tolerance each test states.
 */
class BatchSimulatorTest {
    @AfterEach
    void restore() {
        BatchSimulator.setEnabled(true);
        BatchSimulator.setGenerate(true);
    }

    private static double[] both(String code, boolean batch) {
        BatchSimulator.setEnabled(batch);
        long before = BatchSimulator.completed();
        try {
            double[] out = SomaNumbers.of(code);
            assertEquals(batch, BatchSimulator.completed() > before, "the batch path ran: " + batch);
            return out;
        } finally {
            BatchSimulator.setEnabled(true);
        }
    }

    private static final String FHN = """
            ode FitzHughNagumo(tau = 12.5, a = 0.7, b = 0.8, I = 0) {
                state v = -1, w = -0.5
                dv/dt = v - v^3 / 3 - w + I
                dw/dt = (v + a - b * w) / tau
            }
            let run = simulate(FitzHughNagumo(), steps: 3000, dt: 0.01, method: METHOD, every: 100,
                               params: {I: linspace(0.2, 1.2, 300), tau: linspace(10, 14, 300)})
            for k in [0, 1, 77, 128, 129, 299] { for r in [0, 1, 15, 30] { print(run.v[k, r]); print(run.w[k, r]) } }
            print(run.steps)
            """;

    @Test
    void fitzHughNagumoRk4AndEulerAreBitIdentical() {
        for (String method : new String[] {"rk4", "euler"}) {
            String code = FHN.replace("METHOD", method);
            double[] scalar = both(code, false);
            long generated = BatchSimulator.generated();
            assertArrayEquals(scalar, both(code, true), method);
            assertTrue(BatchSimulator.generated() > generated, "the step's code was generated");
            BatchSimulator.setGenerate(false); // the operations one by one (the fallback when generation fails)
            assertArrayEquals(scalar, both(code, true), method + ", operations one by one");
            BatchSimulator.setGenerate(true);
        }
    }

    @Test
    void stgOperationsOneByOneMatchTheGeneratedCode() {
        String code = """
                import stg
                seed(3)
                let run = simulate(STG(), steps: 100, dt: 0.025, method: euler, record: ["V"],
                                   params: {g_el: uniform(0.1, 20, [20]), g_synA: uniform(0.1, 20, [20])})
                for k in 0..20 { for i in 0..5 { print(run.V[k, 100, i]) } }
                """;
        double[] generated = both(code, true);
        BatchSimulator.setGenerate(false);
        assertArrayEquals(generated, both(code, true), "the generated code computes what the operations do");
    }

    @Test
    void stgEulerWithinTheFastMathTolerance() {
        String code = """
                import stg
                seed(3)
                let g_el = uniform(0.1, 20, [40])
                let g_synA = uniform(0.1, 20, [40])
                let run = simulate(STG(), steps: 200, dt: 0.025, method: euler, record: ["V", "N", "H"],
                                   params: {g_el: g_el, g_synA: g_synA})
                let f = hub_frequency(run.V[:, :, 2], dt: 0.025)
                for k in 0..40 {
                    print(f[k])
                    for step in [1, 50, 100, 200] { for i in 0..5 { print(run.V[k, step, i]); print(run.N[k, step, i]); print(run.H[k, step, i]) } }
                }
                """;
        double[] scalar = both(code, false), batch = both(code, true);
        assertEquals(scalar.length, batch.length);
        double worst = 0;
        for (int i = 0; i < scalar.length; i++) {
            double rel = Math.abs(scalar[i] - batch[i]) / Math.max(Math.abs(scalar[i]), 1e-3);
            worst = Math.max(worst, rel);
        }
        System.out.println("STG batch vs scalar: largest relative difference " + worst);
        assertTrue(worst < 1e-9, "STG batch differs from scalar by " + worst);
    }

    @Test
    void stgWithExactFunctionsIsBitIdentical() {
        String code = """
                import stg
                seed(3)
                let run = simulate(STG(), steps: 200, dt: 0.025, method: euler, record: ["V", "N", "H"],
                                   over: ["g_el", "g_synA"], params: uniform(0.1, 20, [40, 2]), sensitivities: ["g_el"])
                for k in 0..40 { for i in 0..5 { print(run.V[k, 200, i]); print(run.H[k, 100, i]); print(run["dV/dg_el"][k, 200, i]) } }
                """;
        double[] scalar = both(code, false);
        double[] exact = BatchSimulator.exactly(() -> both(code, true));
        assertArrayEquals(
                scalar, exact, "the batch path with the platform's functions computes what the scalar path does");
    }

    @Test
    void stgWithSensitivitiesWithinTolerance() {
        String code = """
                import stg
                seed(4)
                let z = uniform(0.5, 10, [32, 2])
                let run = simulate(STG(), steps: 100, dt: 0.025, method: euler, record: ["V"], over: ["g_el", "g_synA"],
                                   params: z, sensitivities: ["g_el", "g_synA"])
                for k in 0..32 { for i in 0..5 { print(run.V[k, 100, i]); print(run["dV/dg_el"][k, 100, i]); print(run["dV/dg_synA"][k, 50, i]) } }
                """;
        double[] scalar = both(code, false), batch = both(code, true);
        double worst = 0;
        for (int i = 0; i < scalar.length; i++) {
            double scale = Math.max(Math.abs(scalar[i]), 1e-6 * maxAbs(scalar, i % 3));
            worst = Math.max(worst, Math.abs(scalar[i] - batch[i]) / scale);
        }
        System.out.println("STG tangents batch vs scalar: largest relative difference " + worst);
        assertTrue(worst < 1e-7, "tangents differ by " + worst);
    }

    private static double maxAbs(double[] a, int phase) {
        double m = 0;
        for (int i = phase; i < a.length; i += 3) m = Math.max(m, Math.abs(a[i]));
        return m;
    }

    @Test
    void networksWithMatrixVectorProducts() {
        String shared = """
                network Net(N = 12, g = 1.5, I = 0) {
                    W = randn(N, N) * g / sqrt(N)
                    state x[N] = linspace(-1, 1, N)
                    dx/dt = -x + W @ tanh(x) + I + [x[0] * 0.1, sum(x) / N, mean(x ^ 2), 0, 0, 0, 0, 0, 0, 0, 0, 0]
                }
                seed(5)
                let a = simulate(Net(), steps: 400, dt: 0.05, method: rk4, params: {I: linspace(-0.5, 0.5, 48)})
                let b = simulate(Net(), steps: 400, dt: 0.05, method: euler, params: {g: linspace(0.5, 2, 20)})
                for k in [0, 5, 19] { for i in 0..12 { print(a.x[k, 400, i]); print(b.x[k, 200, i]) } }
                """;
        double[] scalar = both(shared, false), batch = both(shared, true);
        double worst = 0;
        for (int i = 0; i < scalar.length; i++)
            worst = Math.max(worst, Math.abs(scalar[i] - batch[i]) / Math.max(1e-3, Math.abs(scalar[i])));
        System.out.println("network batch vs scalar: largest relative difference " + worst);
        assertTrue(worst < 1e-11, "network differs by " + worst);
    }

    @Test
    void aDivergingSampleIsReportedByTheScalarPath() {
        String code = """
                ode Blow(a = 1) {
                    state x = 1
                    dx/dt = a * x * x
                }
                simulate(Blow(), steps: 2000, dt: 0.01, params: {a: linspace(0, 1, 32)})
                """;
        BatchSimulator.setEnabled(true);
        String out = ScriptRunner.runCode(code, "test.soma");
        assertTrue(out.contains("became infinite") || out.contains("became NaN"), out);
        assertTrue(out.contains("in sample"), out);
    }
}
