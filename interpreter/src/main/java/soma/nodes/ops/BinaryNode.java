package soma.nodes.ops;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Idempotent;
import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.NodeField;
import com.oracle.truffle.api.dsl.Specialization;
import soma.nodes.ExprNode;
import soma.runtime.Op;
import soma.runtime.Operators;
import soma.runtime.SomaError;
import soma.runtime.SomaException;
import soma.tensor.TensorException;

/**
 * Every binary operator. Two doubles are handled inline (the compiled fast path: no boxing, no
 * calls); everything else goes through {@link Operators}, and its errors get this node's location.
 */
@NodeChild("left")
@NodeChild("right")
@NodeField(name = "op", type = Op.class)
public abstract class BinaryNode extends ExprNode {
    protected abstract Op getOp();

    @Specialization(guards = "isArithmetic()")
    protected double doArithmetic(double a, double b) {
        return switch (getOp()) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case MOD -> Operators.mod(a, b);
            default -> Math.pow(a, b);
        };
    }

    @Specialization(guards = "isComparison()")
    protected boolean doCompare(double a, double b) {
        return switch (getOp()) {
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
            case EQ -> a == b;
            default -> a != b;
        };
    }

    @Fallback
    protected Object doGeneric(Object a, Object b) {
        try {
            return Operators.binary(getOp(), a, b);
        } catch (SomaError | TensorException e) {
            throw new SomaException(e.getMessage(), this);
        }
    }

    /** Depends only on the operator, fixed when the node is built: the DSL may check it once. */
    @Idempotent
    protected boolean isArithmetic() {
        Op op = getOp();
        return op == Op.ADD || op == Op.SUB || op == Op.MUL || op == Op.DIV || op == Op.MOD || op == Op.POW;
    }

    @Idempotent
    protected boolean isComparison() {
        Op op = getOp();
        return op == Op.LT || op == Op.LE || op == Op.GT || op == Op.GE || op == Op.EQ || op == Op.NE;
    }
}
