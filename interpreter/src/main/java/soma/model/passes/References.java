package soma.model.passes;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import soma.model.ir.Expr;

/**
 * What an expression refers to, as the model passes see it. Unlike {@link soma.model.ir.Names},
 * the names include the functions it calls: static definitions run in the setup function, where
 * a definition can stand in for a function of the same name, so a call is a dependency too.
 */
public final class References {
    private References() {}

    /** Every name mentioned, in source order (a call's function before its arguments). */
    public static Set<String> of(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        switch (e) {
            case Expr.Num n -> {}
            case Expr.Name n -> out.add(n.name());
            case Expr.Neg n -> collect(n.operand(), out);
            case Expr.Binary b -> {
                collect(b.left(), out);
                collect(b.right(), out);
            }
            case Expr.Logic l -> {
                collect(l.left(), out);
                if (l.right() != null) collect(l.right(), out);
            }
            case Expr.Call c -> {
                out.add(c.function());
                c.args().forEach(a -> collect(a, out));
            }
            case Expr.Index i -> {
                collect(i.target(), out);
                collect(i.key(), out);
            }
            case Expr.ListOf l -> l.items().forEach(a -> collect(a, out));
            case Expr.If i -> {
                collect(i.condition(), out);
                collect(i.then(), out);
                collect(i.otherwise(), out);
            }
            case Expr.Opaque o -> out.addAll(o.names());
        }
    }

    /** True if the expression calls any function. */
    public static boolean calls(Expr e) {
        return switch (e) {
            case Expr.Num n -> false;
            case Expr.Name n -> false;
            case Expr.Call c -> true;
            case Expr.Opaque o -> o.calls();
            default -> children(e).stream().anyMatch(References::calls);
        };
    }

    /** The first of the given functions the expression calls (outermost, then left to right), or null. */
    public static String firstCall(Expr e, Set<String> functions) {
        if (e instanceof Expr.Call c && functions.contains(c.function())) return c.function();
        if (e instanceof Expr.Opaque o)
            return o.functions().stream()
                    .filter(functions::contains)
                    .findFirst()
                    .orElse(null);
        for (Expr child : children(e)) {
            String found = firstCall(child, functions);
            if (found != null) return found;
        }
        return null;
    }

    /** True if every part of the expression has a symbolic form (no {@link Expr.Opaque} inside). */
    public static boolean symbolic(Expr e) {
        return !(e instanceof Expr.Opaque) && children(e).stream().allMatch(References::symbolic);
    }

    /** The direct sub-expressions, in source order. */
    static List<Expr> children(Expr e) {
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
