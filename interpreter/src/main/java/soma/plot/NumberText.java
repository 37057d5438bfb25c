package soma.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Short, locale-independent number labels for axes, colour bars and text previews. */
final class NumberText {
    private NumberText() {}

    /**
     * At most four significant digits, plain notation for moderate magnitudes and scientific
     * otherwise; trailing zeros dropped so that 1.0 prints as "1" and 0.5250 as "0.525".
     */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0"; // also turns -0.0 into "0"
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            // Three significant digits, trailing mantissa zeros dropped: 1.00e-04 -> 1e-04.
            return String.format(Locale.ROOT, "%.2e", v).replaceFirst("\\.?0+e", "e");
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
        return d.toPlainString();
    }
}
