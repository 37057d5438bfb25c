package soma.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import soma.golden.ScriptRunner;
import soma.golden.SomaNumbers;

/** Reverse-mode gradients against central finite differences; optimisers on problems with known minima. */
class GradTest {
    /** Largest relative difference between grad(f)(x) and central differences, over 5 random points. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "sum(tanh(W @ x)^2) + mean(exp(x))",
                "sum(100 * (x[1:] - x[:-1]^2)^2 + (1 - x[:-1])^2)",
                "sum(sqrt(1 + x^2) / (2 + sigmoid(x))) + log(1 + sum(softplus(x) * x^2)) - sum(sin(x) * cos(x[::-1]))",
                "sum((W.T @ (W @ x)) * x) / (1 + x[0]^2) + sum(M @ M.T * (x[0:2] + x[1:3]))",
                "sum(abs(x - 0.123) ^ 3) + x[2] * x[3] - sum(relu(x + 10))",
            })
    void gradientMatchesFiniteDifferences(String body) {
        double[] r = SomaNumbers.of("""
                let W = randn(3, 4)
                let M = randn(2, 2)
                fn f(x) = BODY
                let g = grad(f)
                let worst = 0
                for trial in 0..5 {
                    let x = randn(4)
                    let exact = g(x)
                    for j in 0..4 {
                        let e = zeros(4)
                        e[j] = 1e-6
                        let fd = (f(x + e) - f(x - e)) / 2e-6
                        worst = max(worst, abs(exact[j] - fd) / max(1, abs(fd)))
                    }
                }
                print(worst)
                """.replace("BODY", body));
        assertTrue(r[0] < 1e-6, "relative error " + r[0] + " for " + body);
    }

    @Test
    void lbfgsAndAdamMinimiseRosenbrock() {
        double[] r = SomaNumbers.of("""
                fn rosen(x) = (1 - x[0])^2 + 100 * (x[1] - x[0]^2)^2
                let l = lbfgs(rosen, tensor([-1.2, 1]))
                let a = adam(rosen, tensor([-1.2, 1]), lr: 0.02, iters: 5000)
                print(l.x[0], l.x[1], l.iterations, a.x[0], a.x[1])
                """);
        assertEquals(1, r[0], 1e-7);
        assertEquals(1, r[1], 1e-7);
        assertTrue(r[2] < 100, "L-BFGS took " + r[2] + " iterations");
        assertEquals(1, r[3], 1e-4);
        assertEquals(1, r[4], 1e-4);
    }

    @Test
    void sgdWithMomentumMinimisesAQuadratic() {
        double[] r = SomaNumbers.of("""
                let target = tensor([1, -2, 3])
                let res = sgd(fn(x) = sum((x - target)^2 * tensor([1, 4, 9])), zeros(3), lr: 0.01, momentum: 0.9, iters: 2000)
                print(res.x[0], res.x[1], res.x[2])
                """);
        assertEquals(1, r[0], 1e-8);
        assertEquals(-2, r[1], 1e-8);
        assertEquals(3, r[2], 1e-8);
    }

    @Test
    void functionJacobianShowsItsFormula() {
        String out = ScriptRunner.runCode("""
                let W = randn(3, 4)
                fn f(x) = tanh(W @ x)
                print(jacobian(f, at: randn(4)).symbolic)
                fn g(v) = v^3 / 3 - v
                print(jacobian(g, at: 2).symbolic)
                """, "formula.soma");
        assertEquals("d(f)/dx = diag(1 - tanh(W @ x) ^ 2) @ W\nd(g)/dv = v ^ 2 - 1", out.strip());
    }

    @Test
    void newtonRootAndFunctionJacobian() {
        double[] r = SomaNumbers.of("""
                let s = root(fn(x) = tensor([x[0]^2 + x[1]^2 - 4, x[0] - x[1]]), tensor([1, 0.5]))
                let W = randn(3, 4)
                let x0 = randn(4)
                let J = jacobian(fn(x) = tanh(W @ x), at: x0)
                print(s.x[0], s.x[1], max(abs(J - diag(1 - tanh(W @ x0)^2) @ W)))
                """);
        assertEquals(Math.sqrt(2), r[0], 1e-12);
        assertEquals(Math.sqrt(2), r[1], 1e-12);
        assertTrue(r[2] < 1e-14, "function Jacobian error " + r[2]);
    }
}
