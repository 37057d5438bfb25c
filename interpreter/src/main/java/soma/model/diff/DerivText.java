package soma.model.diff;

import java.util.ArrayList;
import java.util.List;
import soma.model.ir.Expr;
import soma.model.ir.ExprText;
import soma.runtime.Op;

/**
 * A derivative with respect to one state written as a formula: diag(c) for elementwise factors,
 * matrices by name, so that the Jacobian of r = tanh(W @ x) reads diag(1 - tanh(W @ x) ^ 2) @ W.
 */
public final class DerivText {
    private DerivText() {}

    /** The part of d that involves only the given state (the block of the Jacobian for its columns). */
    public static Deriv project(Deriv d, String state) {
        return switch (d) {
            case Deriv.Zero z -> z;
            case Deriv.Identity i -> i.state().equals(state) ? i : Deriv.ZERO;
            case Deriv.Scale s -> Differentiator.scale(s.coefficient(), project(s.inner(), state));
            case Deriv.MatTimes m -> {
                Deriv inner = project(m.inner(), state);
                yield inner instanceof Deriv.Zero ? inner : new Deriv.MatTimes(m.matrix(), inner);
            }
            case Deriv.Plus p -> Differentiator.plus(project(p.a(), state), project(p.b(), state));
            case Deriv.Row r -> {
                Deriv inner = project(r.inner(), state);
                yield inner instanceof Deriv.Zero ? inner : new Deriv.Row(inner, r.key());
            }
            case Deriv.Stack s -> {
                List<Deriv> rows = new ArrayList<>();
                boolean any = false;
                for (Deriv row : s.rows()) {
                    Deriv p = project(row, state);
                    any |= !(p instanceof Deriv.Zero);
                    rows.add(p);
                }
                yield any ? new Deriv.Stack(rows) : Deriv.ZERO;
            }
            case Deriv.SumRows s -> {
                Deriv inner = project(s.inner(), state);
                yield inner instanceof Deriv.Zero ? inner : new Deriv.SumRows(inner, s.mean());
            }
        };
    }

    /** @param vector whether the state is a vector (identity shown as I) or a scalar (shown as 1) */
    public static String show(Deriv d, boolean vector) {
        return switch (d) {
            case Deriv.Zero z -> "0";
            case Deriv.Identity i -> vector ? "I" : "1";
            case Deriv.Scale s -> {
                String c = ExprText.show(s.coefficient());
                if (s.inner() instanceof Deriv.Identity) yield vector ? "diag(" + c + ")" : c;
                String inner = show(s.inner(), vector);
                String factor = vector ? "diag(" + c + ")" : paren(s.coefficient(), c);
                yield factor + (vector ? " @ " : " * ") + (s.inner() instanceof Deriv.Plus ? "(" + inner + ")" : inner);
            }
            case Deriv.MatTimes m -> {
                String w = ExprText.show(m.matrix());
                yield m.inner() instanceof Deriv.Identity ? w : w + " @ " + wrap(m.inner(), vector);
            }
            case Deriv.Plus p -> show(p.a(), vector) + " + " + show(p.b(), vector);
            case Deriv.Row r -> wrap(r.inner(), vector) + "[" + ExprText.show(r.key()) + "]";
            case Deriv.Stack s -> {
                List<String> rows = new ArrayList<>();
                for (Deriv row : s.rows()) rows.add(show(row, vector));
                yield "[" + String.join(", ", rows) + "]";
            }
            case Deriv.SumRows s -> (s.mean() ? "mean(" : "sum(") + show(s.inner(), vector) + ")";
        };
    }

    private static String wrap(Deriv d, boolean vector) {
        String s = show(d, vector);
        return d instanceof Deriv.Plus || d instanceof Deriv.Scale ? "(" + s + ")" : s;
    }

    private static String paren(Expr e, String text) {
        return e instanceof Expr.Binary b && (b.op() == Op.ADD || b.op() == Op.SUB) ? "(" + text + ")" : text;
    }
}
