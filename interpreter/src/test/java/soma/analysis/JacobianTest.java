package soma.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import soma.golden.ScriptRunner;
import soma.golden.SomaNumbers;

/** Symbolic Jacobians against central finite differences of the right-hand side, on varied models and points. */
class JacobianTest {
    /** Prints the largest relative difference between jacobian() and central differences at 20 random points. */
    private static double worstRelativeError(String model, String instance, int n) {
        double[] r = SomaNumbers.of(model
                + """
                let m = INSTANCE
                let worst = 0
                for trial in 0..20 {
                    let y = uniform(-1.5, 1.5, [N])
                    let J = jacobian(m, at: y)
                    let h = 1e-6
                    for j in 0..N {
                        let e = zeros(N)
                        e[j] = h
                        let column = (derivative(m, y + e, flat: true) - derivative(m, y - e, flat: true)) / (2 * h)
                        let scale = max(1, max(abs(column)))
                        worst = max(worst, max(abs(J[:, j] - column)) / scale)
                    }
                }
                print(worst)
                """.replace("INSTANCE", instance)
                        .replace("N]", n + "]")
                        .replace("0..N", "0..".concat(String.valueOf(n)))
                        .replace("zeros(N)", "zeros(" + n + ")"));
        return r[0];
    }

    @Test
    void fitzHughNagumo() {
        double e = worstRelativeError("""
                ode FHN(tau = 12.5, a = 0.7, b = 0.8, I = 0.3) {
                    state v = 0, w = 0
                    dv/dt = v - v^3 / 3 - w + I
                    dw/dt = (v + a - b * w) / tau
                }
                """, "FHN()", 2);
        assertTrue(e < 1e-6, "relative error " + e);
    }

    @Test
    void rateNetworkWithMatrixProduct() {
        double e = worstRelativeError("""
                network Net(N = 6, g = 1.5) {
                    W = randn(N, N) * g / sqrt(N)
                    state x[N] = 0
                    dx/dt = -x + W @ tanh(x)
                }
                """, "Net()", 6);
        assertTrue(e < 1e-6, "relative error " + e);
    }

    @Test
    void definitionsIndexingListsAndManyFunctions() {
        double e = worstRelativeError("""
                ode Mixed(k = 0.7, c = [1, 2, 3]) {
                    state V[3] = 0, u = 0.5
                    s = sigmoid(V * 2) + exp(-u^2)
                    coupling = [V[1] - V[0], V[0] + V[2] - 2 * V[1], V[1] - V[2]]
                    dV/dt = -V / (1 + u^2) + k * coupling + tensor(c) * s * cosh(u / 2)
                    du/dt = sum(V * s) - sqrt(1 + u^2) + max(V[0], u) - min(V[2], 0.1) + log(2 + sin(V[1])) + atan(u) * (2 + V[0])^(1 + u^2)
                }
                """, "Mixed()", 4);
        assertTrue(e < 1e-6, "relative error " + e);
    }

    @Test
    void perElementEquations() {
        double e = worstRelativeError("""
                ode Chain(a = 2) {
                    state x[3] = 0
                    dx[0]/dt = -a * x[0] + tanh(x[2])
                    dx[1]/dt = x[0] * x[1] - if x[2] > 0 { x[2]^2 } else { -x[2] }
                    dx[2]/dt = mean(x) - x[2] / (1 + x[0]^2)
                }
                """, "Chain()", 3);
        assertTrue(e < 1e-6, "relative error " + e);
    }

    @Test
    void userFunctionsAreInlinedAndDifferentiated() {
        double e = worstRelativeError("""
                fn act(u) = tanh(2 * u) / 2
                fn bump(u, c) = exp(-(u - c)^2)
                network Net(N = 4) {
                    W = randn(N, N)
                    state x[N] = 0
                    dx/dt = -x + W @ act(x) + bump(x, 0.3) * sum(act(x))
                }
                """, "Net()", 4);
        assertTrue(e < 1e-6, "relative error " + e);
    }

    @Test
    void jacobianOfGivesNewMatricesOrWritesInto() {
        String model = """
                ode Pair(k = 0.7) {
                    state V[3] = 0, u = 0.5
                    dV/dt = -V / (1 + u^2) + k * tanh(V) * exp(-u)
                    du/dt = sum(V * V) - u
                }
                let m = Pair()
                let J = jacobian_of(m)
                let y = tensor([0.3, -0.2, 0.5, 0.1])
                """;
        double[] r = SomaNumbers.of(model + """
                let A = J(y)
                let M = ones(4, 4) * 7                 # every entry stale, the zeros too
                let B = J(y, into: M)
                B[0, 0] = 99                            # B is M itself
                let C = zeros(4, 4)
                for i in 0..3000 { J(y * (1 + i / 3000), into: C) }   # hot: the compiled path
                let Y = stack([y, y * 2, -y])
                let K = ones(3, 4, 4)
                J(Y, into: K)
                print(max(abs(A - jacobian(m, at: y))), max(abs(M[1:] - A[1:])), M[0, 0], max(abs(C - J(y * (1 + 2999 / 3000)))))
                print(max(abs(J(Y)[1] - J(y * 2))), max(abs(K - J(Y))), max(abs(A)), max(abs(A - J(y))))
                """);
        assertEquals(0, r[0], 1e-14);
        assertEquals(0, r[1]);
        assertEquals(99, r[2]);
        assertEquals(0, r[3]);
        assertEquals(0, r[4]);
        assertEquals(0, r[5]);
        assertTrue(r[6] > 0.1, "a non-trivial Jacobian");
        assertEquals(0, r[7], 0, "J(y) is a new matrix, not changed by the writes into M");
        String wrong = ScriptRunner.runCode(model + "J(y, into: zeros(3, 3))", "test.soma");
        assertTrue(wrong.contains("into: must be a real tensor of shape (4, 4), got a tensor of shape (3, 3)"), wrong);
    }

    @Test
    void fixedPointIsTheRealRootOfTheCubic() {
        // standard FHN: v^3/3 + (1/b - 1) v + a/b = 0; Cardano for t^3 + p t + q = 0 with t = v
        double a = 0.7, b = 0.8;
        double p = 3 * (1 / b - 1), q = 3 * a / b;
        double disc = Math.sqrt(q * q / 4 + p * p * p / 27);
        double root = Math.cbrt(-q / 2 + disc) + Math.cbrt(-q / 2 - disc);
        double[] r = SomaNumbers.of("""
                ode FHN(tau = 12.5, a = 0.7, b = 0.8, I = 0) {
                    state v = 0, w = 0
                    dv/dt = v - v^3 / 3 - w + I
                    dw/dt = (v + a - b * w) / tau
                }
                let ps = fixed_points(FHN(), starts: 8, within: [-3, 3])
                print(len(ps), ps[0].v, ps[0].w)
                """);
        assertEquals(1, r[0]);
        assertEquals(root, r[1], 1e-12);
        assertEquals((root + a) / b, r[2], 1e-12);
    }
}
