package soma.model.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import soma.model.ir.Expr;
import soma.runtime.Op;
import soma.runtime.SomaError;

/**
 * Symbolic differentiation of model expressions with respect to the state: the chain rule
 * applied to the symbolic form, through the model's dynamic definitions. Names that are not
 * states or dynamic definitions (parameters, statics, globals, t) are constants here.
 */
public final class Differentiator {
    private final Set<String> states;
    private final Map<String, Expr> definitions;

    public Differentiator(Set<String> states, Map<String, Expr> definitions) {
        this.states = states;
        this.definitions = definitions;
    }

    /** True if e depends on the state (directly or through definitions). */
    public boolean dependsOnState(Expr e) {
        return switch (e) {
            case Expr.Num n -> false;
            case Expr.Opaque o -> throw o.unexpected();
            case Expr.Name n ->
                states.contains(n.name())
                        || (definitions.containsKey(n.name()) && dependsOnState(definitions.get(n.name())));
            case Expr.Neg n -> dependsOnState(n.operand());
            case Expr.Binary b -> dependsOnState(b.left()) || dependsOnState(b.right());
            case Expr.Logic l -> dependsOnState(l.left()) || (l.right() != null && dependsOnState(l.right()));
            case Expr.Call c -> c.args().stream().anyMatch(this::dependsOnState);
            case Expr.Index i -> dependsOnState(i.target());
            case Expr.ListOf l -> l.items().stream().anyMatch(this::dependsOnState);
            case Expr.If i ->
                dependsOnState(i.condition()) || dependsOnState(i.then()) || dependsOnState(i.otherwise());
        };
    }

    public Deriv d(Expr e) {
        if (!dependsOnState(e)) return Deriv.ZERO;
        return switch (e) {
            case Expr.Num n -> Deriv.ZERO;
            case Expr.Opaque o -> throw o.unexpected();
            case Expr.Name n -> states.contains(n.name()) ? new Deriv.Identity(n.name()) : d(definitions.get(n.name()));
            case Expr.Neg n -> scale(Sym.num(-1, n.span()), d(n.operand()));
            case Expr.Binary b -> binary(b);
            case Expr.Logic l -> Deriv.ZERO;
            case Expr.Call c -> call(c);
            case Expr.Index i -> new Deriv.Row(d(i.target()), i.key());
            case Expr.ListOf l -> {
                List<Deriv> rows = new ArrayList<>();
                for (Expr item : l.items()) rows.add(d(item));
                yield new Deriv.Stack(rows);
            }
            case Expr.If i ->
                plus(
                        scale(
                                new Expr.If(i.condition(), Sym.num(1, i.span()), Sym.num(0, i.span()), i.span()),
                                d(i.then())),
                        scale(
                                new Expr.If(i.condition(), Sym.num(0, i.span()), Sym.num(1, i.span()), i.span()),
                                d(i.otherwise())));
        };
    }

    private Deriv binary(Expr.Binary b) {
        Expr x = b.left();
        Expr y = b.right();
        return switch (b.op()) {
            case ADD -> plus(d(x), d(y));
            case SUB -> plus(d(x), scale(Sym.num(-1, b.span()), d(y)));
            case MUL -> plus(scale(y, d(x)), scale(x, d(y)));
            case DIV ->
                plus(
                        scale(Sym.div(Sym.num(1, b.span()), y), d(x)),
                        scale(Sym.neg(Sym.div(x, Sym.pow(y, Sym.num(2, b.span())))), d(y)));
            case POW -> {
                Deriv base = scale(Sym.mul(y, Sym.pow(x, Sym.sub(y, Sym.num(1, b.span())))), d(x));
                if (!dependsOnState(y)) yield base;
                yield plus(base, scale(Sym.mul(b, Sym.call("log", x)), d(y)));
            }
            case MATMUL -> {
                if (dependsOnState(x)) {
                    throw new SomaError(
                            "cannot differentiate '@' whose left side depends on the state; write the matrix as a definition that does not");
                }
                yield new Deriv.MatTimes(x, d(y));
            }
            case MOD -> d(x);
            default -> Deriv.ZERO; // comparisons: piecewise constant
        };
    }

    private Deriv call(Expr.Call c) {
        List<Expr> args = c.args();
        String f = c.function();
        if (args.size() == 1) {
            Expr u = args.get(0);
            Deriv du = d(u);
            return switch (f) {
                case "sum" -> new Deriv.SumRows(du, false);
                case "mean" -> new Deriv.SumRows(du, true);
                default -> scale(Calculus.derivative(f, u, c.span()), du);
            };
        }
        if ((f.equals("min") || f.equals("max")) && args.size() == 2) {
            Op pick = f.equals("min") ? Op.LE : Op.GE;
            Expr first = Sym.compare(pick, args.get(0), args.get(1));
            Expr second = new Expr.Logic("not", first, null, c.span());
            return plus(scale(first, d(args.get(0))), scale(second, d(args.get(1))));
        }
        if (f.equals("pow") && args.size() == 2) {
            return d(new Expr.Binary(Op.POW, args.get(0), args.get(1), c.span()));
        }
        if (f.equals("hypot") && args.size() == 2) {
            Expr h = c;
            return plus(scale(Sym.div(args.get(0), h), d(args.get(0))), scale(Sym.div(args.get(1), h), d(args.get(1))));
        }
        if (f.equals("atan2") && args.size() == 2) {
            Expr yv = args.get(0);
            Expr xv = args.get(1);
            Expr r2 = Sym.add(Sym.pow(xv, Sym.num(2, c.span())), Sym.pow(yv, Sym.num(2, c.span())));
            return plus(scale(Sym.div(xv, r2), d(yv)), scale(Sym.neg(Sym.div(yv, r2)), d(xv)));
        }
        if (f.equals("clamp") && args.size() == 3) {
            Expr inside = new Expr.Logic(
                    "and",
                    Sym.compare(Op.GT, args.get(0), args.get(1)),
                    Sym.compare(Op.LT, args.get(0), args.get(2)),
                    c.span());
            return scale(inside, d(args.get(0)));
        }
        throw new SomaError("cannot differentiate " + f + " with " + args.size() + " argument(s)");
    }

    /** diag(c) @ inner; nested factors merge, since diag(a) diag(b) = diag(a * b). */
    static Deriv scale(Expr c, Deriv inner) {
        if (inner instanceof Deriv.Zero || Sym.isNum(c, 0)) return Deriv.ZERO;
        if (Sym.isNum(c, 1)) return inner;
        if (inner instanceof Deriv.Scale s) return scale(Sym.mul(c, s.coefficient()), s.inner());
        return new Deriv.Scale(c, inner);
    }

    /** a + b; terms over the same inner derivative add their factors: diag(a) J + diag(b) J = diag(a + b) J. */
    static Deriv plus(Deriv a, Deriv b) {
        if (a instanceof Deriv.Zero) return b;
        if (b instanceof Deriv.Zero) return a;
        Deriv ia = a instanceof Deriv.Scale s ? s.inner() : a;
        Deriv ib = b instanceof Deriv.Scale s ? s.inner() : b;
        if (ia instanceof Deriv.Identity && ia.equals(ib)) {
            Expr ca = a instanceof Deriv.Scale s ? s.coefficient() : null;
            Expr cb = b instanceof Deriv.Scale s ? s.coefficient() : null;
            Expr.Span span = ca != null ? ca.span() : cb.span();
            return scale(Sym.add(ca == null ? Sym.num(1, span) : ca, cb == null ? Sym.num(1, span) : cb), ia);
        }
        return new Deriv.Plus(a, b);
    }
}
