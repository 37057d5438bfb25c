package soma.model.ir;

import java.util.ArrayList;
import java.util.List;
import soma.runtime.Op;
import soma.runtime.Printer;

/** Symbolic expressions written back as Soma source, with only the parentheses precedence needs. */
public final class ExprText {
    private ExprText() {}

    public static String show(Expr e) {
        return show(e, 0);
    }

    /** Binding strength: higher binds tighter (as in the grammar). */
    private static int precedence(Expr e) {
        return switch (e) {
            case Expr.Binary b ->
                switch (b.op()) {
                    case POW -> 7;
                    case MUL, DIV, MOD, MATMUL -> 5;
                    case ADD, SUB -> 4;
                    default -> 3;
                };
            case Expr.Neg n -> 6;
            case Expr.Logic l -> l.kind().equals("not") ? 2 : l.kind().equals("and") ? 1 : 0;
            case Expr.If i -> -1;
            case Expr.Num n -> n.value() < 0 ? 6 : 9;
            default -> 9;
        };
    }

    private static String show(Expr e, int context) {
        String s = switch (e) {
            case Expr.Num n -> Printer.number(n.value());
            case Expr.Name n -> n.name().startsWith("$") ? "<" + n.name().substring(1) + ">" : n.name();
            case Expr.Neg n -> "-" + show(n.operand(), 6);
            case Expr.Binary b -> binary(b);
            case Expr.Logic l ->
                l.kind().equals("not")
                        ? "not " + show(l.left(), 2)
                        : show(l.left(), precedence(l)) + " " + l.kind() + " " + show(l.right(), precedence(l) + 1);
            case Expr.Call c -> {
                List<String> args = new ArrayList<>();
                for (Expr a : c.args()) args.add(show(a, 0));
                yield c.function() + "(" + String.join(", ", args) + ")";
            }
            case Expr.Index i -> show(i.target(), 9) + "[" + show(i.key(), 0) + "]";
            case Expr.ListOf l -> {
                List<String> items = new ArrayList<>();
                for (Expr a : l.items()) items.add(show(a, 0));
                yield "[" + String.join(", ", items) + "]";
            }
            case Expr.If i ->
                "if " + show(i.condition(), 0) + " { " + show(i.then(), 0) + " } else { " + show(i.otherwise(), 0)
                        + " }";
            case Expr.Opaque o -> "<" + o.what() + ">";
        };
        return precedence(e) < context ? "(" + s + ")" : s;
    }

    private static String binary(Expr.Binary b) {
        int p = precedence(b);
        boolean rightAssoc = b.op() == Op.POW;
        String left = show(b.left(), rightAssoc ? p + 1 : p);
        String right = show(b.right(), rightAssoc ? p : p + 1);
        return left + " " + b.op().symbol + " " + right;
    }
}
