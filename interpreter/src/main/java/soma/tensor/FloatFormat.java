package soma.tensor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * numpy's default float formatting (FloatingFormat with precision 8, floatmode 'maxprec',
 * suppress=False), so Soma output looks like numpy's.
 *
 * <p>Decides once per array: scientific notation if the largest magnitude is >= 1e8, the
 * smallest non-zero is < 1e-4, or their ratio exceeds 1e3; otherwise positional. Each value is
 * its shortest round-trip decimal (Java's {@code Double.toString} is shortest since JDK 19, as
 * Python's repr), cut to 8 fractional digits, then padded so that the decimal points line up.
 * Also provides Python's {@code repr(float)} for scalars.
 */
final class FloatFormat {
    private static final int PRECISION = 8;

    private final boolean exp;
    private final boolean plus; // numpy sign='+': used for the imaginary parts of complex numbers
    private int padLeft, padRight, expDigits, expPrecision;

    FloatFormat(double[] values, boolean plus) {
        this.plus = plus;
        double max = 0, min = Double.POSITIVE_INFINITY;
        boolean anyFinite = false, nonFinite = false, negInf = false;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                nonFinite = true;
                negInf |= v == Double.NEGATIVE_INFINITY;
                continue;
            }
            anyFinite = true;
            double a = Math.abs(v);
            if (a != 0) {
                max = Math.max(max, a);
                min = Math.min(min, a);
            }
        }
        exp = max != 0 && (max >= 1e8 || min < 1e-4 || max / min > 1e3);
        if (anyFinite) {
            if (exp) {
                for (double v : values) {
                    if (!Double.isFinite(v)) continue;
                    Sci s = sci(v);
                    padLeft = Math.max(padLeft, intPart(v, s.first).length());
                    expPrecision = Math.max(expPrecision, s.frac.length());
                    expDigits = Math.max(
                            expDigits,
                            Math.max(2, Integer.toString(Math.abs(s.exponent)).length()));
                }
                padRight = expDigits + 2 + expPrecision;
            } else {
                for (double v : values) {
                    if (!Double.isFinite(v)) continue;
                    String[] p = positional(v);
                    padLeft = Math.max(padLeft, p[0].length());
                    padRight = Math.max(padRight, p[1].length());
                }
            }
        }
        if (nonFinite) { // room for "nan" / "-inf" in the same column width
            int offset = padRight + 1;
            padLeft = Math.max(padLeft, Math.max(3 - offset, 3 + (plus || negInf ? 1 : 0) - offset));
        }
    }

    String format(double v) {
        if (!Double.isFinite(v)) {
            String s = Double.isNaN(v) ? (plus ? "+nan" : "nan") : v < 0 ? "-inf" : plus ? "+inf" : "inf";
            return " ".repeat(Math.max(0, padLeft + padRight + 1 - s.length())) + s;
        }
        if (exp) {
            Sci s = sci(v);
            String frac = s.frac + "0".repeat(expPrecision - s.frac.length());
            String e = Integer.toString(Math.abs(s.exponent));
            String ip = intPart(v, s.first);
            return " ".repeat(padLeft - ip.length()) + ip + "." + frac + "e" + (s.exponent < 0 ? "-" : "+")
                    + "0".repeat(expDigits - e.length()) + e;
        }
        String[] p = positional(v);
        return " ".repeat(padLeft - p[0].length()) + p[0] + "." + p[1] + " ".repeat(padRight - p[1].length());
    }

    private String intPart(double v, String digits) {
        return (signbit(v) ? "-" : plus ? "+" : "") + digits;
    }

    /** {integer part with sign, fractional digits} of the shortest repr cut to 8 decimals. */
    private String[] positional(double v) {
        BigDecimal d = shortest(v);
        if (d.scale() > PRECISION) d = new BigDecimal(v).setScale(PRECISION, RoundingMode.HALF_EVEN);
        d = d.abs().stripTrailingZeros();
        String s = d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        int dot = s.indexOf('.');
        String ip = dot < 0 ? s : s.substring(0, dot), fp = dot < 0 ? "" : s.substring(dot + 1);
        return new String[] {(signbit(v) ? "-" : plus ? "+" : "") + ip, fp};
    }

    private record Sci(String first, String frac, int exponent) {}

    /** Scientific digits d.ddd x 10^e of |v|: shortest repr, at most 1 + 8 significant digits. */
    private static Sci sci(double v) {
        if (v == 0) return new Sci("0", "", 0);
        BigDecimal d = shortest(Math.abs(v));
        if (d.precision() > PRECISION + 1) {
            d = new BigDecimal(Math.abs(v))
                    .round(new MathContext(PRECISION + 1, RoundingMode.HALF_EVEN))
                    .stripTrailingZeros();
        }
        String digits = d.unscaledValue().toString();
        int exponent = d.precision() - d.scale() - 1;
        return new Sci(digits.substring(0, 1), digits.substring(1), exponent);
    }

    private static BigDecimal shortest(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros();
    }

    private static boolean signbit(double v) {
        return (Double.doubleToRawLongBits(v) & Long.MIN_VALUE) != 0;
    }

    /**
     * Python's repr(float): shortest round-trip digits, positional when the decimal exponent is
     * in [-4, 16), otherwise scientific with a two-digit exponent ("1e-05", "1.5e+16").
     */
    static String pyRepr(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        String sign = signbit(v) ? "-" : "";
        if (v == 0) return sign + "0.0";
        BigDecimal d = shortest(Math.abs(v));
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String s = d.scale() <= 0 ? d.setScale(1).toPlainString() : d.toPlainString();
            return sign + s;
        }
        String digits = d.unscaledValue().toString();
        String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String e = Integer.toString(Math.abs(exponent));
        return sign + mant + "e" + (exponent < 0 ? "-" : "+") + (e.length() < 2 ? "0" : "") + e;
    }

    /** Python's repr(complex): "(1+2j)", "2j" when the real part is +0, components without ".0". */
    static String pyComplexRepr(double re, double im) {
        String i = component(im);
        if (re == 0 && !signbit(re)) return i + "j";
        String r = component(re);
        String sep = Double.isNaN(im) || !signbit(im) ? "+" : "";
        return "(" + r + sep + i + "j)";
    }

    private static String component(double v) {
        String s = pyRepr(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
