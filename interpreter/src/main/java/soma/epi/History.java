package soma.epi;

import java.util.ArrayList;
import java.util.List;

/** One check per epoch (epoch 0 is the starting flow): entropy, violation, penalty, multipliers, tests. */
public final class History {
    /** r = mean T - mu on the check's fresh batch, se its standard errors. */
    public record Check(
            int epoch,
            double entropy,
            double[] r,
            double c,
            double[] eta,
            double[] pValues,
            boolean passed,
            double[] samples,
            double[] se) {}

    public final List<Check> checks = new ArrayList<>();

    public Integer convergedEpoch() {
        for (Check c : checks) if (c.passed() && c.epoch() > 0) return c.epoch();
        return null;
    }
}
