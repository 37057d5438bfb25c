package soma.model.ir;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The names an expression mentions, in source order, and the walk over its sub-expressions. */
public final class Names {
    private Names() {}

    /** The free names an expression mentions (its dependencies), functions called excluded. */
    public static Set<String> of(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collect(e, out, false);
        return out;
    }

    /** Every name mentioned, the functions it calls included (a call's function before its arguments). */
    public static Set<String> withCalls(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collect(e, out, true);
        return out;
    }

    private static void collect(Expr e, Set<String> out, boolean calls) {
        switch (e) {
            case Expr.Name n -> out.add(n.name());
            case Expr.Call c -> {
                if (calls) out.add(c.function());
                c.args().forEach(a -> collect(a, out, calls));
            }
            case Expr.Opaque o ->
                o.names().stream()
                        .filter(n -> calls || !o.functions().contains(n))
                        .forEach(out::add);
            default -> children(e).forEach(child -> collect(child, out, calls));
        }
    }

    /** The direct sub-expressions, in source order. */
    public static List<Expr> children(Expr e) {
        return switch (e) {
            case Expr.Num n -> List.of();
            case Expr.Name n -> List.of();
            case Expr.Opaque o -> List.of();
            case Expr.Neg n -> List.of(n.operand());
            case Expr.Binary b -> List.of(b.left(), b.right());
            case Expr.Logic l -> l.right() == null ? List.of(l.left()) : List.of(l.left(), l.right());
            case Expr.Call c -> c.args();
            case Expr.Index i -> List.of(i.target(), i.key());
            case Expr.ListOf l -> l.items();
            case Expr.If i -> List.of(i.condition(), i.then(), i.otherwise());
        };
    }
}
