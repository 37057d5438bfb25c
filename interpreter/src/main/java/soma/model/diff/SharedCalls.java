package soma.model.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import soma.model.ir.Expr;
import soma.model.ir.ExprText;

/**
 * Function calls that occur more than once across a set of expressions (the same exp(...) in a
 * sigmoid's value and in its derivative, the same tanh(V / v2) in an equation and in each of its
 * tangents), found by their text and replaced by named shared values. The shared values are
 * listed so that each comes after the ones it uses.
 */
public final class SharedCalls {
    private final String prefix;
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, Integer> index = new HashMap<>();
    /** The shared calls, in an order where each comes after those it uses. */
    public final List<Expr> shared = new ArrayList<>();

    /** Counts calls over all the expressions; shared values will be named prefix + k. */
    public SharedCalls(List<Expr> all, String prefix) {
        this.prefix = prefix;
        for (Expr e : all) count(e);
    }

    public String name(int k) {
        return prefix + k;
    }

    private void count(Expr e) {
        if (e instanceof Expr.Call) counts.merge(ExprText.show(e), 1, Integer::sum);
        for (Expr child : children(e)) count(child);
    }

    /** The expression with every call that occurs more than once replaced by its shared name. */
    public Expr rewrite(Expr e) {
        Expr r = switch (e) {
            case Expr.Num n -> n;
            case Expr.Opaque o -> throw o.unexpected();
            case Expr.Name n -> n;
            case Expr.Neg n -> new Expr.Neg(rewrite(n.operand()), n.span());
            case Expr.Binary b -> new Expr.Binary(b.op(), rewrite(b.left()), rewrite(b.right()), b.span());
            case Expr.Logic l ->
                new Expr.Logic(l.kind(), rewrite(l.left()), l.right() == null ? null : rewrite(l.right()), l.span());
            case Expr.Index i -> new Expr.Index(rewrite(i.target()), i.key(), i.span());
            case Expr.ListOf l ->
                new Expr.ListOf(l.items().stream().map(this::rewrite).toList(), l.span());
            case Expr.If i -> new Expr.If(rewrite(i.condition()), rewrite(i.then()), rewrite(i.otherwise()), i.span());
            case Expr.Call c ->
                new Expr.Call(c.function(), c.args().stream().map(this::rewrite).toList(), c.span());
        };
        if (!(e instanceof Expr.Call)) return r;
        String key = ExprText.show(e);
        if (counts.getOrDefault(key, 0) < 2) return r;
        Integer k = index.get(key);
        if (k == null) {
            k = shared.size();
            index.put(key, k);
            shared.add(r);
        }
        return new Expr.Name(name(k), e.span());
    }

    private static List<Expr> children(Expr e) {
        return switch (e) {
            case Expr.Num n -> List.of();
            case Expr.Opaque o -> throw o.unexpected();
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
