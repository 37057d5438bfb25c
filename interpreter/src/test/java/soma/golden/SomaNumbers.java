package soma.golden;

import java.util.Arrays;

/** Runs Soma code and reads back the numbers it printed: for tests that assert on values. */
public final class SomaNumbers {
    private SomaNumbers() {}

    public static double[] of(String code) {
        String out = ScriptRunner.runCode(code, "test.soma");
        try {
            return Arrays.stream(out.trim().split("[\\s\\[\\],]+"))
                    .filter(s -> !s.isEmpty())
                    .mapToDouble(Double::parseDouble)
                    .toArray();
        } catch (NumberFormatException e) {
            throw new AssertionError("expected only numbers from the script, got:\n" + out);
        }
    }
}
