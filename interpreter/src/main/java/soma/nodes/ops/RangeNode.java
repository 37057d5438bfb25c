package soma.nodes.ops;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.Specialization;
import soma.nodes.ExprNode;
import soma.runtime.Printer;
import soma.runtime.Range;
import soma.runtime.SomaException;

/** {@code a..b}: the numbers a, a+1, ..., below b. */
@NodeChild("start")
@NodeChild("stop")
public abstract class RangeNode extends ExprNode {
    @Specialization
    protected Range doDouble(double a, double b) {
        return new Range(a, b, 1);
    }

    @Fallback
    protected Object doGeneric(Object a, Object b) {
        throw new SomaException(
                "a range needs two numbers, got " + Printer.typeName(a) + " .. " + Printer.typeName(b), this);
    }
}
