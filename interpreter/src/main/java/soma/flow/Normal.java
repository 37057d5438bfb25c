package soma.flow;

/** The standard normal density and distribution function (for truncated-Gaussian moments and tests). */
public final class Normal {
    private Normal() {}

    public static double pdf(double x) {
        return Double.isInfinite(x) ? 0 : Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    /** Phi(x) = erfc(-x / sqrt 2) / 2. */
    public static double cdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /**
     * erfc with fractional error below 1.2e-7 everywhere (the Chebyshev fit of Numerical Recipes,
     * section 6.2): ample for the moments of a target, which are printed to a few digits.
     */
    static double erfc(double x) {
        double z = Math.abs(x), t = 1 / (1 + 0.5 * z);
        double r = t
                * Math.exp(
                        -z * z
                                - 1.26551223
                                + t
                                        * (1.00002368
                                                + t
                                                        * (0.37409196
                                                                + t
                                                                        * (0.09678418
                                                                                + t
                                                                                        * (-0.18628806
                                                                                                + t
                                                                                                        * (0.27886807
                                                                                                                + t
                                                                                                                        * (-1.13520398
                                                                                                                                + t
                                                                                                                                        * (1.48851587
                                                                                                                                                + t
                                                                                                                                                        * (-0.82215223
                                                                                                                                                                + t
                                                                                                                                                                        * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
