package soma.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import soma.golden.ScriptRunner;

/**
 * max, min, clamp and len have a compiled fast path for plain numbers (ScalarFastPaths); it must
 * give what the general body gives. The list forms (max([x, y])) and named calls take the body.
 */
class ScalarBuiltinsTest {
    private static String run(String code) {
        return ScriptRunner.runCode(code, "scalar.soma").strip();
    }

    @Test
    void fastPathsAgreeWithTheBody() {
        // in a loop, so the fast path is compiled; every pair includes the NaN and signed-zero cases
        String code = """
                let xs = [1, 2, nan, -0, 0, -inf, inf, 0.5]
                let bad = 0
                for k in 0..3000 {
                    for x in xs {
                        for y in xs {
                            if repr(max(x, y)) != repr(max([x, y])) { bad = bad + 1 }
                            if repr(min(x, y)) != repr(min([x, y])) { bad = bad + 1 }
                            if repr(clamp(x, 0, 1)) != repr(clamp(x, lo: 0, hi: 1)) { bad = bad + 1 }
                        }
                    }
                }
                print(bad)
                """;
        assertEquals("0", run(code));
    }

    @Test
    void answers() {
        assertEquals("1 1 nan 0 -1 0.5 nan 3 1e+18 [1. 3.]", run("""
                print(max(1, nan), max(nan, 1), max(nan, nan), clamp(-2, 0, 1), min(-1, 3), clamp(0.5, 0, 1), clamp(nan, 0, 1), len([1, 2, 3]), len(0..1e18), max(tensor([1, 2]), tensor([0, 3])))
                """));
    }

    @Test
    void otherFormsStillTakeTheBody() {
        assertEquals(
                "3 3 [3.] 2", run("print(max(1, 3, 2), max([1, 3]), max(tensor([[1, 3]]), axis: 1), len(\"ab\"))"));
        assertEquals(
                "error: clamp: 'lo' must be a num, got a str",
                run("clamp(1, \"a\", 2)")
                        .lines()
                        .filter(l -> l.contains("error"))
                        .findFirst()
                        .orElse("")
                        .replaceAll(".*(error: .*)", "$1"));
    }
}
