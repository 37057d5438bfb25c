package soma.epi;

/**
 * One line of a constraint: which moment of which statistic, and how it becomes a statistic
 * T_i(x) with target mu_i. {@code mean(f) == m}: T = f, mu = m. {@code std(f) == s}:
 * T = (f - m)^2, mu = s^2, with m the target of the same statistic's mean line; {@code var(f) == v}:
 * T = (f - m)^2, mu = v. {@code E[g] == v}: T = g, mu = v.
 *
 * <p>Given the mean constraint, E[(f - m)^2] = s^2 is the spec's E[f^2] = m^2 + s^2; the centred
 * form (as in the EPI paper's code) keeps the statistic on the scale of s^2 rather than m^2, which
 * matters when m is large against s (an imaginary part of 2 pi with std 0.5: 0.25 against 39.7).
 */
public record Moment(Kind kind, String text, int meanLine) {
    public enum Kind {
        MEAN,
        STD,
        VAR,
        EXPECTATION
    }

    /** T_i from the line's expression value e and, for second moments, the mean line's target m. */
    double statistic(double e, double mean) {
        return kind == Kind.STD || kind == Kind.VAR ? (e - mean) * (e - mean) : e;
    }

    /** mu_i from the line's value v. */
    double target(double v) {
        return kind == Kind.STD ? v * v : v;
    }
}
