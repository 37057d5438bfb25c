package soma.model.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import soma.runtime.SomaError;

/**
 * Replaces calls of user functions with symbolic bodies ({@code fn relu(x) = max(x, 0)}) by the
 * body with the arguments substituted, so compiled equations and their derivatives see through them.
 */
public final class Inliner {
    private final Function<String, SymbolicFunction> lookup;
    /** Names replaced by expressions everywhere (the model's definitions), or empty. */
    private final Map<String, Expr> expansions;

    public Inliner(Function<String, SymbolicFunction> lookup) {
        this(lookup, Map.of());
    }

    private Inliner(Function<String, SymbolicFunction> lookup, Map<String, Expr> expansions) {
        this.lookup = lookup;
        this.expansions = expansions;
    }

    /** An inliner that writes out the given definitions (recursively) wherever their names occur. */
    public static Inliner definitions(Map<String, Expr> definitions) {
        return new Inliner(name -> null, definitions);
    }

    public Expr inline(Expr e) {
        return inline(e, Map.of(), 0);
    }

    private Expr inline(Expr e, Map<String, Expr> bound, int depth) {
        return switch (e) {
            case Expr.Num n -> n;
            case Expr.Opaque o -> o;
            case Expr.Name n ->
                bound.containsKey(n.name())
                        ? bound.get(n.name())
                        : expansions.containsKey(n.name()) && depth < 64
                                ? inline(expansions.get(n.name()), Map.of(), depth + 1)
                                : n;
            case Expr.Neg n -> new Expr.Neg(inline(n.operand(), bound, depth), n.span());
            case Expr.Binary b ->
                new Expr.Binary(b.op(), inline(b.left(), bound, depth), inline(b.right(), bound, depth), b.span());
            case Expr.Logic l ->
                new Expr.Logic(
                        l.kind(),
                        inline(l.left(), bound, depth),
                        l.right() == null ? null : inline(l.right(), bound, depth),
                        l.span());
            case Expr.Index i ->
                new Expr.Index(inline(i.target(), bound, depth), inline(i.key(), bound, depth), i.span());
            case Expr.ListOf l -> new Expr.ListOf(all(l.items(), bound, depth), l.span());
            case Expr.If i ->
                new Expr.If(
                        inline(i.condition(), bound, depth),
                        inline(i.then(), bound, depth),
                        inline(i.otherwise(), bound, depth),
                        i.span());
            case Expr.Call c -> {
                List<Expr> args = all(c.args(), bound, depth);
                SymbolicFunction f = lookup.apply(c.function());
                if (f == null || f.parameters().size() != args.size())
                    yield new Expr.Call(c.function(), args, c.span());
                if (depth > 32)
                    throw new SomaError("'" + f.name() + "' calls itself too deeply to be inlined into an equation");
                Map<String, Expr> params = new HashMap<>();
                for (int k = 0; k < args.size(); k++) params.put(f.parameters().get(k), args.get(k));
                yield inline(f.body(), params, depth + 1); // the body sees only its parameters and globals
            }
        };
    }

    private List<Expr> all(List<Expr> items, Map<String, Expr> bound, int depth) {
        List<Expr> out = new ArrayList<>(items.size());
        for (Expr item : items) out.add(inline(item, bound, depth));
        return out;
    }
}
