package soma.flow;

import java.util.Map;

/** Support map onto the positive reals: softplus (default) or exp. */
final class PositiveSupport extends Elementwise {
    private final boolean exp;

    PositiveSupport(int dim, boolean exp) {
        super(dim);
        this.exp = exp;
    }

    @Override
    public String kind() {
        return "positive";
    }

    @Override
    double value(int j, double z) {
        return exp ? Math.exp(z) : softplus(z);
    }

    @Override
    double derivative(int j, double z) {
        return exp ? Math.exp(z) : sigmoid(z);
    }

    @Override
    double logDerivative(int j, double z) {
        return exp ? z : -softplus(-z);
    }

    @Override
    double logDerivativeSlope(int j, double z) {
        return exp ? 1 : sigmoid(-z);
    }

    @Override
    double inverse(int j, double y) {
        // softplus^-1(y) = log(expm1(y)), written as y + log(-expm1(-y)) for large y
        return exp ? Math.log(y) : y > 20 ? y + Math.log(-Math.expm1(-y)) : Math.log(Math.expm1(y));
    }

    @Override
    public Map<String, Object> options() {
        return Map.of("map", exp ? "exp" : "softplus");
    }

    @Override
    public String describe() {
        return "support positive(" + (exp ? "exp" : "softplus") + ")";
    }
}
