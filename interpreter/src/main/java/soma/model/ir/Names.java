package soma.model.ir;

import java.util.LinkedHashSet;
import java.util.Set;

/** The free names an expression mentions (its dependencies), functions called excluded. */
public final class Names {
    private Names() {}

    public static Set<String> of(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        switch (e) {
            case Expr.Num n -> {}
            case Expr.Name n -> out.add(n.name());
            case Expr.Binary b -> {
                collect(b.left(), out);
                collect(b.right(), out);
            }
            case Expr.Neg n -> collect(n.operand(), out);
            case Expr.Logic l -> {
                collect(l.left(), out);
                if (l.right() != null) collect(l.right(), out);
            }
            case Expr.Call c -> c.args().forEach(a -> collect(a, out));
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
            case Expr.Opaque o ->
                o.names().stream().filter(n -> !o.functions().contains(n)).forEach(out::add);
        }
    }
}
