package soma.model.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import soma.model.ir.Expr;
import soma.model.ir.ExprText;

/**
 * Common-subexpression elimination for the coefficients of a Jacobian: equal coefficients (by
 * their text) are computed once, and function calls that occur more than once, such as the
 * exp(...) of a sigmoid's derivative in numerator and denominator, become shared values.
 * Shared values are numbered first, so each is computed before the expressions that use it.
 */
final class Cse {
    /** The shared calls, in an order where each comes after those it uses. */
    final List<Expr> shared;
    /** The distinct coefficients, rewritten to use the shared calls. */
    final List<Expr> coefficients = new ArrayList<>();

    private final Map<String, Integer> coefficientIndex = new HashMap<>();

    /** @param all the coefficients in slot order; {@link #index} maps a slot to its distinct coefficient */
    Cse(List<Expr> all) {
        SharedCalls calls = new SharedCalls(all, "$x");
        shared = calls.shared;
        for (Expr e : all) {
            String key = ExprText.show(e);
            if (!coefficientIndex.containsKey(key)) {
                coefficientIndex.put(key, coefficients.size());
                coefficients.add(calls.rewrite(e));
            }
        }
    }

    /** Which distinct coefficient a coefficient is. */
    int index(Expr coefficient) {
        return coefficientIndex.get(ExprText.show(coefficient));
    }

    /** The final names: shared calls are "$x0".. "$x(s-1)", coefficients follow. */
    String sharedName(int k) {
        return "$x" + k;
    }

    String coefficientName(int k) {
        return "$x" + (shared.size() + k);
    }

    /**
     * How an entry refers to distinct coefficient k: a number or a plain name (a constant, a
     * state, a shared call) is written in place, so Graal folds it into the entry's arithmetic
     * instead of reading back a buffer; anything else by its "$x" name.
     */
    Expr reference(int k, Expr.Span span) {
        Expr c = coefficients.get(k);
        return c instanceof Expr.Num || c instanceof Expr.Name ? c : new Expr.Name(coefficientName(k), span);
    }
}
