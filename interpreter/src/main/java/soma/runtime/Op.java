package soma.runtime;

/** Binary operators, with the symbol used in error messages. */
public enum Op {
    ADD("+", "add"),
    SUB("-", "subtract"),
    MUL("*", "multiply"),
    DIV("/", "divide"),
    MOD("%", "take the remainder of"),
    POW("^", "raise"),
    MATMUL("@", "matrix-multiply"),
    LT("<", "compare"),
    LE("<=", "compare"),
    GT(">", "compare"),
    GE(">=", "compare"),
    EQ("==", "compare"),
    NE("!=", "compare");

    public final String symbol;
    public final String verb;

    Op(String symbol, String verb) {
        this.symbol = symbol;
        this.verb = verb;
    }
}
