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
    final List<Expr> shared = new ArrayList<>();
    /** The distinct coefficients, rewritten to use the shared calls. */
    final List<Expr> coefficients = new ArrayList<>();
    private final Map<String, Integer> coefficientIndex = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, Integer> sharedIndex = new HashMap<>();

    /** @param all the coefficients in slot order; {@link #index} maps a slot to its distinct coefficient */
    Cse(List<Expr> all) {
        for (Expr e : all) count(e);
        for (Expr e : all) {
            String key = ExprText.show(e);
            if (!coefficientIndex.containsKey(key)) {
                coefficientIndex.put(key, coefficients.size());
                coefficients.add(rewrite(e));
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

    private void count(Expr e) {
        if (e instanceof Expr.Call) counts.merge(ExprText.show(e), 1, Integer::sum);
        for (Expr child : children(e)) count(child);
    }

    private Expr rewrite(Expr e) {
        Expr r = switch (e) {
            case Expr.Num n -> n;
            case Expr.Name n -> n;
            case Expr.Neg n -> new Expr.Neg(rewrite(n.operand()), n.span());
            case Expr.Binary b -> new Expr.Binary(b.op(), rewrite(b.left()), rewrite(b.right()), b.span());
            case Expr.Logic l -> new Expr.Logic(l.kind(), rewrite(l.left()), l.right() == null ? null : rewrite(l.right()), l.span());
            case Expr.Index i -> new Expr.Index(rewrite(i.target()), i.key(), i.span());
            case Expr.ListOf l -> new Expr.ListOf(l.items().stream().map(this::rewrite).toList(), l.span());
            case Expr.If i -> new Expr.If(rewrite(i.condition()), rewrite(i.then()), rewrite(i.otherwise()), i.span());
            case Expr.Call c -> new Expr.Call(c.function(), c.args().stream().map(this::rewrite).toList(), c.span());
        };
        if (!(e instanceof Expr.Call)) return r;
        String key = ExprText.show(e);
        if (counts.getOrDefault(key, 0) < 2) return r;
        Integer k = sharedIndex.get(key);
        if (k == null) {
            k = shared.size();
            sharedIndex.put(key, k);
            shared.add(r);
        }
        return new Expr.Name(sharedName(k), e.span());
    }

    private static List<Expr> children(Expr e) {
        return switch (e) {
            case Expr.Num n -> List.of();
            case Expr.Name n -> List.of();
            case Expr.Neg n -> List.of(n.operand());
            case Expr.Binary b -> List.of(b.left(), b.right());
            case Expr.Logic l -> l.right() == null ? List.of(l.left()) : List.of(l.left(), l.right());
            case Expr.Index i -> List.of(i.target());
            case Expr.ListOf l -> l.items();
            case Expr.If i -> List.of(i.condition(), i.then(), i.otherwise());
            case Expr.Call c -> c.args();
        };
    }
}
