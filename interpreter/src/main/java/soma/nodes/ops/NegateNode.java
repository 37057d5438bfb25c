package soma.nodes.ops;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.Specialization;
import soma.nodes.ExprNode;
import soma.runtime.Op;
import soma.runtime.Operators;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.runtime.SomaException;
import soma.tensor.TensorException;

/** Unary minus: {@code -x} is {@code 0 - x} for non-numbers (tensors). */
@NodeChild("operand")
public abstract class NegateNode extends ExprNode {
    @Specialization
    protected double doDouble(double a) {
        return -a;
    }

    @Fallback
    protected Object doGeneric(Object a) {
        try {
            return Operators.binary(Op.MUL, -1.0, a);
        } catch (SomaError | TensorException e) {
            throw new SomaException("cannot negate a " + Printer.typeName(a), this);
        }
    }
}
