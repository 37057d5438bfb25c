package soma.plot;

import java.util.ArrayList;
import java.util.List;

/** Round-number tick positions (steps of 1, 2 or 5 times a power of ten), as axes use. */
final class NiceTicks {
    private NiceTicks() {}

    static List<Double> of(double lo, double hi, int maxTicks) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo) || maxTicks < 2) {
            out.add(lo);
            return out;
        }
        double raw = (hi - lo) / (maxTicks - 1);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 5, 10}) {
            step = m * mag;
            if (step >= raw) {
                break;
            }
        }
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        for (long k = first; k <= last; k++) {
            // k * step rather than repeated addition keeps 0.1 + 0.1 + 0.1 from drifting.
            out.add(k * step);
        }
        return out;
    }
}
