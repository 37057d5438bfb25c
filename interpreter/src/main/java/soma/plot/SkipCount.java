package soma.plot;

import java.util.ArrayList;
import java.util.List;

/** Tallies points a text preview left out, and phrases the notes printed under it. */
final class SkipCount {
    int nonFinite;
    int nonPositive;

    /** Records why the point (x, y) cannot be drawn; returns true if it can. */
    boolean accept(double x, double y, boolean logX, boolean logY) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            nonFinite++;
            return false;
        }
        if (logX && x <= 0 || logY && y <= 0) {
            nonPositive++;
            return false;
        }
        return true;
    }

    List<String> notes() {
        List<String> out = new ArrayList<>();
        if (nonFinite > 0) {
            out.add("note: " + TextFrame.count(nonFinite, "NaN/Inf point", "NaN/Inf points") + " skipped");
        }
        if (nonPositive > 0) {
            out.add("note: " + TextFrame.count(nonPositive, "non-positive point", "non-positive points")
                    + " skipped on log axis");
        }
        return out;
    }
}
