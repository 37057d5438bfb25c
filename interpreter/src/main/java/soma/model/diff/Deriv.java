package soma.model.diff;

import java.util.List;
import soma.model.ir.Expr;

/**
 * The derivative of an expression with m elements with respect to the model's state vector y:
 * symbolically, an m x n matrix built from these pieces (chain rule, unevaluated). The
 * coefficient expressions are compiled like a right-hand side when the Jacobian is evaluated.
 */
public sealed interface Deriv {
    /** Zero (broadcasts to any number of rows). */
    record Zero() implements Deriv {}

    /** d state / d y: the identity on the columns of that state (a one-hot row for a scalar state). */
    record Identity(String state) implements Deriv {}

    /** diag(c) @ inner, with c a scalar or elementwise coefficient. */
    record Scale(Expr coefficient, Deriv inner) implements Deriv {}

    /** M @ inner, M a matrix that does not depend on the state. */
    record MatTimes(Expr matrix, Deriv inner) implements Deriv {}

    record Plus(Deriv a, Deriv b) implements Deriv {}

    /** Row k of inner (indexing). */
    record Row(Deriv inner, Expr key) implements Deriv {}

    /** The rows of scalar derivatives stacked ([a, b, c]). */
    record Stack(List<Deriv> rows) implements Deriv {}

    /** The sum (or mean) of the rows of inner. */
    record SumRows(Deriv inner, boolean mean) implements Deriv {}

    Zero ZERO = new Zero();
}
