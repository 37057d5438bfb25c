package soma.model.passes;

import java.util.Set;
import soma.model.ir.Expr;
import soma.model.ir.Names;

/**
 * What an expression refers to, as the model passes see it. Unlike {@link Names#of},
 * the names include the functions it calls: static definitions run in the setup function, where
 * a definition can stand in for a function of the same name, so a call is a dependency too.
 */
public final class References {
    private References() {}

    /** Every name mentioned, in source order (a call's function before its arguments). */
    public static Set<String> of(Expr e) {
        return Names.withCalls(e);
    }

    /** True if the expression calls any function. */
    public static boolean calls(Expr e) {
        return switch (e) {
            case Expr.Num n -> false;
            case Expr.Name n -> false;
            case Expr.Call c -> true;
            case Expr.Opaque o -> o.calls();
            default -> Names.children(e).stream().anyMatch(References::calls);
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
        for (Expr child : Names.children(e)) {
            String found = firstCall(child, functions);
            if (found != null) return found;
        }
        return null;
    }

    /** True if every part of the expression has a symbolic form (no {@link Expr.Opaque} inside). */
    public static boolean symbolic(Expr e) {
        return !(e instanceof Expr.Opaque) && Names.children(e).stream().allMatch(References::symbolic);
    }
}
