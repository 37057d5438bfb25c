package soma.tensor;

/**
 * The elementwise unary functions and their real kernels. Complex kernels for the subset that
 * has a natural complex extension live in {@link Complex}.
 */
public enum UnaryOp {
    NEG,
    NOT,
    EXP,
    LOG,
    SQRT,
    ABS,
    SIN,
    COS,
    TAN,
    TANH,
    SIGMOID,
    RELU,
    SOFTPLUS,
    SIGN,
    FLOOR,
    CEIL,
    ROUND,
    REAL,
    IMAG,
    CONJ,
    ANGLE;

    public String displayName() {
        return name().toLowerCase();
    }

    /** Functions without a (sensible) complex definition here. */
    public boolean realOnly() {
        return switch (this) {
            case SIGMOID, RELU, SOFTPLUS, SIGN, FLOOR, CEIL, ROUND -> true;
            default -> false;
        };
    }

    public double apply(double x) {
        return switch (this) {
            case NEG -> -x;
            case NOT -> x == 0 ? 1 : 0;
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x); // log of a negative real is nan, as numpy (no complex promotion)
            case SQRT -> Math.sqrt(x);
            case ABS -> Math.abs(x);
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TAN -> Math.tan(x);
            case TANH -> Math.tanh(x);
            case SIGMOID -> sigmoid(x);
            case RELU -> x > 0 ? x : (x == x ? 0 : x); // keeps NaN, maps -0 to 0
            case SOFTPLUS -> softplus(x);
            case SIGN -> Math.signum(x);
            case FLOOR -> Math.floor(x);
            case CEIL -> Math.ceil(x);
            case ROUND -> Math.rint(x); // round half to even, like numpy.round
            case REAL, CONJ -> x;
            case IMAG -> 0;
            case ANGLE -> Math.atan2(0.0, x);
        };
    }

    /** Split on the sign so exp never overflows: exact for large |x| in both directions. */
    static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** log(1 + e^x) without overflow: x + log1p(e^-x) for positive x. */
    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
}
