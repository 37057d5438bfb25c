package soma.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import soma.golden.SomaNumbers;

/** Integrators checked against exact solutions: convergence orders measured, tolerances met, batches exact. */
class IntegratorTest {
    static final String DECAY = """
            ode Decay(k = 1) {
                state x = 1
                dx/dt = -k * x
            }
            """;
    static final String OSCILLATOR = """
            ode Oscillator(w = 1) {
                state x = 1, v = 0
                dx/dt = v
                dv/dt = -w^2 * x
            }
            """;

    /** Errors at t = T for dt, dt/2, dt/4 (against the exact solution printed by the script). */
    private static double[] errors(String model, String method, String error) {
        double[] e = SomaNumbers.of(model
                + """
                for dt in [0.1, 0.05, 0.025] {
                    let run = simulate(MODEL, t: 2, dt: dt, method: METHOD)
                    print(ERROR)
                }
                """.replace("MODEL", model.contains("Decay") ? "Decay()" : "Oscillator()")
                        .replace("METHOD", method)
                        .replace("ERROR", error));
        assertEquals(3, e.length);
        return e;
    }

    private static void assertOrder(double[] e, double order) {
        for (int k = 0; k < 2; k++) {
            double measured = Math.log(e[k] / e[k + 1]) / Math.log(2);
            assertEquals(order, measured, 0.15, "observed order from errors " + e[k] + " -> " + e[k + 1]);
        }
    }

    @Test
    void eulerIsFirstOrderOnDecay() {
        assertOrder(errors(DECAY, "euler", "abs(run.x[-1] - exp(-2))"), 1);
    }

    @Test
    void rk4IsFourthOrderOnDecay() {
        assertOrder(errors(DECAY, "rk4", "abs(run.x[-1] - exp(-2))"), 4);
    }

    @Test
    void eulerIsFirstOrderOnOscillator() {
        assertOrder(errors(OSCILLATOR, "euler", "abs(run.x[-1] - cos(2)) + abs(run.v[-1] + sin(2))"), 1);
    }

    @Test
    void rk4IsFourthOrderOnOscillator() {
        assertOrder(errors(OSCILLATOR, "rk4", "abs(run.x[-1] - cos(2)) + abs(run.v[-1] + sin(2))"), 4);
    }

    @Test
    void dopri5MeetsItsToleranceAndAdaptsItsStep() {
        // x' = -x + sin(t), x(0) = 1: x(t) = 1.5 e^-t + (sin t - cos t) / 2
        double[] r = SomaNumbers.of("""
                ode Forced() {
                    state x = 1
                    dx/dt = -x + sin(t)
                }
                for tol in [1e-4, 1e-8] {
                    let run = simulate(Forced(), t: 10, dt: 1, method: dopri5, rtol: tol, atol: tol)
                    let exact = 1.5 * exp(-run.t) + (sin(run.t) - cos(run.t)) / 2
                    print(max(abs(run.x - exact)), run.steps)
                }
                """);
        assertTrue(r[0] < 1e-3 && r[0] > 0, "error " + r[0] + " at tolerance 1e-4");
        assertTrue(r[2] < 1e-7, "error " + r[2] + " at tolerance 1e-8");
        assertTrue(r[3] > 2 * r[1], "a tighter tolerance must take more steps: " + r[1] + " vs " + r[3]);
        assertTrue(r[1] > 10, "output interval 1 needs several internal steps at 1e-4: " + r[1]);
    }

    @Test
    void linearNetworkMatchesTheMatrixExponential() {
        double[] r = SomaNumbers.of("""
                network Linear(N = 6, g = 1.2) {
                    W = randn(N, N) * g / sqrt(N)
                    state x[N] = randn(N)
                    dx/dt = (W - eye(N)) @ x
                }
                let net = Linear()
                let run = simulate(net, t: 3, dt: 0.01, method: rk4)
                let exact = expm((net.W - eye(6)) * 3) @ net.x
                let adaptive = simulate(net, t: 3, dt: 0.5, method: dopri5, rtol: 1e-10, atol: 1e-12)
                print(max(abs(run.x[-1] - exact)) / max(abs(exact)), max(abs(adaptive.x[-1] - exact)) / max(abs(exact)))
                """);
        assertTrue(r[0] < 1e-8, "rk4 vs expm: " + r[0]);
        assertTrue(r[1] < 1e-8, "dopri5 vs expm: " + r[1]);
    }

    @Test
    void sensitivitiesMatchFiniteDifferencesOfWholeSimulations() {
        double[] r = SomaNumbers.of("""
                network Net(N = 5, g = 1.3, c = 0.5) {
                    W0 = randn(N, N) / sqrt(N)
                    k = c * 2                                   # a static with a symbolic form
                    state x[N] = randn(N)
                    r = tanh(x)
                    dx/dt = -k * x + g * (W0 @ r) + sum(r) / N
                }
                let net = Net()
                let run = simulate(net, t: 5, dt: 0.01, sensitivities: ["g", "c"])
                let h = 1e-5
                let worst = 0
                # a batch re-uses the instance's random draws (W0, x(0)), so only the parameter moves
                let gs = simulate(net, t: 5, dt: 0.01, params: {g: tensor([1.3 - h, 1.3 + h])})
                let cs = simulate(net, t: 5, dt: 0.01, params: {c: tensor([0.5 - h, 0.5 + h])})
                for pair in [["g", gs], ["c", cs]] {
                    let b = pair[1]
                    let fd = (b.x[1, -1] - b.x[0, -1]) / (2 * h)
                    worst = max(worst, max(abs(run["dx/d" + pair[0]][-1] - fd)) / max(1, max(abs(fd))))
                }
                print(worst)
                """);
        assertTrue(r[0] < 1e-6, "relative error " + r[0]);
    }

    @Test
    void batchEqualsOneByOneExactly() {
        String model = """
                ode FitzHughNagumo(tau = 12.5, a = 0.7, b = 0.8, I = 0) {
                    state v = -1, w = -0.5
                    dv/dt = v - v^3 / 3 - w + I
                    dw/dt = (v + a - b * w) / tau
                }
                let currents = linspace(0, 1, 7)
                """;
        double[] batch = SomaNumbers.of(model + """
                let b = simulate(FitzHughNagumo(), t: 50, dt: 0.05, params: {I: currents}, threads: 2)
                print(flatten(b.v[:, ::50]))
                """);
        double[] single = SomaNumbers.of(model + """
                for I in currents { print(simulate(FitzHughNagumo(I: I), t: 50, dt: 0.05).v[::50]) }
                """);
        assertEquals(7 * 21, batch.length);
        assertArrayEquals(single, batch, 0.0);
    }

    /**
     * One recorded variable goes straight into the trajectory's storage (no gathering): the same
     * numbers, shape and order as when it is recorded with another variable, for a batch on
     * several threads and a single run, every step and every few steps.
     */
    @Test
    void recordingOneVariableInPlaceEqualsRecordingItWithOthers() {
        String model = """
                ode FitzHughNagumo(tau = 12.5, a = 0.7, b = 0.8, I = 0) {
                    state v = -1, w = -0.5
                    dv/dt = v - v^3 / 3 - w + I
                    dw/dt = (v + a - b * w) / tau
                }
                let currents = linspace(0, 1, 5)
                """;
        for (String options :
                new String[] {"params: {I: currents}, threads: 2", "", "params: {I: currents}, every: 10"}) {
            String sep = options.isEmpty() ? "" : ", ";
            double[] r = SomaNumbers.of(model + """
                    let one = simulate(FitzHughNagumo(), t: 20, dt: 0.05SEPOPTIONS, record: ["w"])
                    let both = simulate(FitzHughNagumo(), t: 20, dt: 0.05SEPOPTIONS, record: ["v", "w"])
                    print(if one.w.shape == both.w.shape { 1 } else { 0 }, max(abs(one.w - both.w)), one.w.size)
                    """.replace("SEP", sep).replace("OPTIONS", options));
            assertEquals(1, r[0], options);
            assertEquals(0, r[1], options);
            assertEquals(options.contains("every") ? 5 * 41 : options.isEmpty() ? 401 : 5 * 401, r[2], options);
        }
    }

    /**
     * A batch whose rows are all the same (one row, or copies) folds the parameters in as
     * constants: with the batch's values, not the instance's defaults.
     */
    @Test
    void batchOfIdenticalRowsUsesItsOwnValues() {
        double[] r = SomaNumbers.of(DECAY + """
                let one = simulate(Decay(), t: 1, dt: 0.01, method: euler, params: tensor([[2]]), over: ["k"])
                let copies = simulate(Decay(), t: 1, dt: 0.01, method: euler, params: {k: tensor([3, 3])})
                print(one.x[0, -1], simulate(Decay(k: 2), t: 1, dt: 0.01, method: euler).x[-1])
                print(copies.x[1, -1], simulate(Decay(k: 3), t: 1, dt: 0.01, method: euler).x[-1])
                """);
        assertEquals(r[1], r[0], 0, "one row with k = 2");
        assertEquals(r[3], r[2], 0, "two rows with k = 3");
    }

    @Test
    void batchKeepsTheInstancesRandomDraws() {
        // W = randn(...) * g: a batch over g rescales the same draw, so x(t) of sample g = 2 equals
        // the single instance with g = 2 built right after seeding the same way.
        double[] r = SomaNumbers.of("""
                network Net(N = 4, g = 1) {
                    W = randn(N, N) * g / sqrt(N)
                    state x[N] = ones(N)
                    dx/dt = -x + W @ tanh(x)
                }
                seed(5)
                let net = Net()
                let b = simulate(net, steps: 20, dt: 0.1, params: {g: tensor([1, 2])})
                seed(5)
                let single = simulate(Net(g: 2), steps: 20, dt: 0.1)
                print(max(abs(b.x[1] - single.x)), max(abs(b.x[0] - b.x[1])))
                """);
        assertEquals(0.0, r[0], 0.0);
        assertTrue(r[1] > 1e-3, "the two samples must differ");
    }
}
