package soma.model;

import soma.model.ir.Expr;
import soma.runtime.MathFunctions;
import soma.runtime.Op;
import soma.runtime.Operators;
import soma.runtime.SomaRecord;

/**
 * Evaluates the symbolic form of a scalar static definition (g_e = g_el * 1e-9) from numbers
 * alone, so a batch can update such definitions per sample without running the setup function.
 */
final class ScalarForms {
    private ScalarForms() {}

    /** The value, or null if the form needs anything but numbers, names of numbers and math. */
    static Double eval(Expr e, SomaRecord values) {
        return switch (e) {
            case Expr.Num n -> n.value();
            case Expr.Name n -> values.get(n.name()) instanceof Double d ? d : null;
            case Expr.Neg n -> {
                Double x = eval(n.operand(), values);
                yield x == null ? null : -x;
            }
            case Expr.Binary b -> {
                Double x = eval(b.left(), values);
                Double y = x == null ? null : eval(b.right(), values);
                if (y == null || b.op() == Op.MATMUL) yield null;
                yield Operators.numeric(b.op(), x, y) instanceof Double d ? d : null;
            }
            case Expr.Call c
            when c.args().size() == 1 && MathFunctions.ALL.containsKey(c.function()) -> {
                Double x = eval(c.args().get(0), values);
                yield x == null
                        ? null
                        : MathFunctions.ALL.get(c.function()).op().applyAsDouble(x);
            }
            default -> null;
        };
    }
}
