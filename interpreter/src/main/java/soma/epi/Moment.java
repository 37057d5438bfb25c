package soma.epi;

/**
 * One line of a constraint: which moment of which statistic, and how it becomes a statistic
 * T_i(x) with target mu_i. {@code mean(f) == m}: T = f, mu = m. {@code std(f) == s}:
 * T = f^2, mu = m^2 + s^2 (m from the same statistic's mean line). {@code var(f) == v}:
 * T = f^2, mu = m^2 + v. {@code E[g] == v}: T = g, mu = v.
 */
public record Moment(Kind kind, String text, int meanLine) {
    public enum Kind { MEAN, STD, VAR, EXPECTATION }

    /** T_i from the line's expression value e. */
    double statistic(double e) {
        return kind == Kind.STD || kind == Kind.VAR ? e * e : e;
    }

    /** mu_i from the line's value v and, for second moments, the mean line's value m. */
    double target(double v, double mean) {
        return switch (kind) {
            case MEAN, EXPECTATION -> v;
            case STD -> mean * mean + v * v;
            case VAR -> mean * mean + v;
        };
    }
}
