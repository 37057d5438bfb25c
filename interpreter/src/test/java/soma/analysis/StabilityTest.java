package soma.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import soma.golden.ScriptRunner;

/** Fixed points of linear systems dx/dt = A x (the origin) classified from A's known eigenvalues. */
class StabilityTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "stable node; [[-1, 0], [0, -2]]",
                "unstable node; [[1, 0.5], [0, 2]]",
                "saddle; [[1, 0], [0, -1]]",
                "stable focus; [[-0.1, -1], [1, -0.1]]",
                "unstable focus; [[0.2, -1], [1, 0.2]]",
                "centre; [[0, -2], [2, 0]]",
                "unstable node; [[0, 1, 0], [0, 0, 1], [6, -11, 6]]",
                "saddle; [[0, 1, 0], [0, 0, 1], [6, -1, -4]]",
            })
    void classifiesTheOrigin(String expected, String matrix) {
        String out = ScriptRunner.runCode("""
                let A = tensor(MATRIX)
                ode Linear(M = A) {
                    state x[len(M)] = 1
                    dx/dt = M @ x
                }
                let ps = fixed_points(Linear(), starts: 4, within: [-1, 1])
                print(len(ps), "|", ps[0].type, "|", max(abs(ps[0].point)) < 1e-12)
                """.replace("MATRIX", matrix), "stability.soma");
        assertEquals("1 | " + expected + " | true", out.strip());
    }
}
