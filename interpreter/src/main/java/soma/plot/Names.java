package soma.plot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Legend names. */
final class Names {
    private Names() {}

    /**
     * XChart rejects two series with the same name, but repeating a label (e.g. "trial") is a
     * reasonable thing for a user to do, so repeats get a " (2)", " (3)" suffix instead.
     */
    static List<String> unique(List<String> names) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            String base = n == null || n.isEmpty() ? " " : n;
            String candidate = base;
            for (int k = 2; !seen.add(candidate); k++) {
                candidate = base + " (" + k + ")";
            }
            out.add(candidate);
        }
        return out;
    }
}
