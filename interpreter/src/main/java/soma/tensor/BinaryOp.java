package soma.tensor;

/**
 * The elementwise binary operators and their real-valued kernels. Complex kernels live in
 * {@link Complex}; {@link Elementwise} handles broadcasting and picks the kernel.
 */
public enum BinaryOp {
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/"),
    POW("**"),
    MOD("%"),
    MIN("minimum"),
    MAX("maximum"),
    EQ("=="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    AND("and"),
    OR("or");

    /** Operator spelling used in error messages. */
    public final String symbol;

    BinaryOp(String symbol) {
        this.symbol = symbol;
    }

    /** Comparisons and logical operators produce 0/1 tensors flagged as boolean. */
    public boolean yieldsBool() {
        return ordinal() >= EQ.ordinal();
    }

    /** Ordering makes no sense for complex numbers, so these reject complex operands. */
    public boolean realOnly() {
        return switch (this) {
            case MOD, MIN, MAX, LT, LE, GT, GE -> true;
            default -> false;
        };
    }

    public double apply(double a, double b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b; // IEEE: x/0 = ±inf, 0/0 = nan, like numpy (without the warning)
            case POW -> Math.pow(a, b);
            case MOD -> pyMod(a, b);
            // numpy minimum/maximum propagate NaN; Math.min/max do too.
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
            case EQ -> a == b ? 1 : 0;
            case NE -> a != b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case AND -> a != 0 && b != 0 ? 1 : 0;
            case OR -> a != 0 || b != 0 ? 1 : 0;
        };
    }

    /** Python/numpy modulo: the result takes the sign of the divisor. */
    static double pyMod(double a, double b) {
        double r = a % b;
        if (r != 0 && (r < 0) != (b < 0)) r += b;
        return r;
    }
}
