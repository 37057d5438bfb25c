package soma.model.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import soma.model.Declaration;
import soma.model.ir.Expr;
import soma.runtime.Op;
import soma.runtime.SomaError;

/**
 * Forward-mode symbolic differentiation: the directional derivative of an expression when the
 * states move along their tangents and one parameter p moves at unit speed. Used to build the
 * tangent (sensitivity) equations; goes through dynamic definitions and through static ones
 * that have a symbolic form.
 */
public final class Tangent {
    private final Declaration d;
    private final Map<String, Expr> definitions;
    private final Map<String, String> tangentOf;
    private final String param;

    public Tangent(Declaration d, Map<String, Expr> definitions, Map<String, String> tangentOf, String param) {
        this.d = d;
        this.definitions = definitions;
        this.tangentOf = tangentOf;
        this.param = param;
    }

    public Expr of(Expr e) {
        Expr.Span s = e.span();
        Expr zero = Sym.num(0, s);
        return switch (e) {
            case Expr.Num n -> zero;
            case Expr.Opaque o -> throw o.unexpected();
            case Expr.Name n -> name(n);
            case Expr.Neg n -> Sym.neg(of(n.operand()));
            case Expr.Binary b -> binary(b);
            case Expr.Logic l -> zero;
            case Expr.Call c -> call(c);
            case Expr.Index i -> {
                Expr t = of(i.target());
                yield Sym.isNum(t, 0) ? zero : new Expr.Index(t, i.key(), s);
            }
            case Expr.ListOf l -> {
                List<Expr> items = new ArrayList<>();
                boolean any = false;
                for (Expr item : l.items()) {
                    Expr t = of(item);
                    any |= !Sym.isNum(t, 0);
                    items.add(t);
                }
                yield any ? new Expr.ListOf(items, s) : zero;
            }
            case Expr.If i -> {
                Expr a = of(i.then());
                Expr b = of(i.otherwise());
                yield Sym.isNum(a, 0) && Sym.isNum(b, 0) ? zero : new Expr.If(i.condition(), a, b, s);
            }
        };
    }

    private Expr name(Expr.Name n) {
        String name = n.name();
        if (tangentOf.containsKey(name)) return new Expr.Name(tangentOf.get(name), n.span());
        if (definitions.containsKey(name)) return of(definitions.get(name));
        if (name.equals(param)) return Sym.num(1, n.span());
        if (d.parameters.contains(name)) return Sym.num(0, n.span());
        Declaration.Static st = d.staticNamed(name);
        if (st != null) {
            if (!d.staticDependsOn(name, param)) return Sym.num(0, n.span());
            Expr form = st.form();
            if (form == null) {
                throw new SomaError("cannot differentiate with respect to '" + param + "' through '" + name
                        + "', whose definition has no symbolic form (it calls a function such as randn); write the dependence on "
                        + param + " into the equations");
            }
            return of(form);
        }
        return Sym.num(0, n.span()); // t, globals
    }

    private Expr binary(Expr.Binary b) {
        Expr x = b.left();
        Expr y = b.right();
        Expr dx = of(x);
        Expr dy = of(y);
        return switch (b.op()) {
            case ADD -> Sym.add(dx, dy);
            case SUB -> Sym.sub(dx, dy);
            case MUL -> Sym.add(Sym.mul(dx, y), Sym.mul(x, dy));
            case DIV -> Sym.sub(Sym.div(dx, y), Sym.div(Sym.mul(x, dy), Sym.pow(y, Sym.num(2, b.span()))));
            case POW -> {
                Expr base = Sym.mul(Sym.mul(y, Sym.pow(x, Sym.sub(y, Sym.num(1, b.span())))), dx);
                yield Sym.isNum(dy, 0) ? base : Sym.add(base, Sym.mul(Sym.mul(b, Sym.call("log", x)), dy));
            }
            case MATMUL -> Sym.add(matmul(dx, y), matmul(x, dy));
            case MOD -> dx;
            default -> Sym.num(0, b.span());
        };
    }

    private static Expr matmul(Expr a, Expr b) {
        if (Sym.isNum(a, 0) || Sym.isNum(b, 0)) return Sym.num(0, a.span());
        return new Expr.Binary(Op.MATMUL, a, b, a.span());
    }

    private Expr call(Expr.Call c) {
        List<Expr> args = c.args();
        String f = c.function();
        Expr.Span s = c.span();
        if (args.size() == 1) {
            Expr du = of(args.get(0));
            if (Sym.isNum(du, 0)) return du;
            if (f.equals("sum") || f.equals("mean")) return Sym.call(f, du);
            return Sym.mul(Calculus.derivative(f, args.get(0), s), du);
        }
        if ((f.equals("min") || f.equals("max")) && args.size() == 2) {
            Expr first = Sym.compare(f.equals("min") ? Op.LE : Op.GE, args.get(0), args.get(1));
            return new Expr.If(first, of(args.get(0)), of(args.get(1)), s);
        }
        if (f.equals("pow") && args.size() == 2) return of(new Expr.Binary(Op.POW, args.get(0), args.get(1), s));
        if (f.equals("clamp") && args.size() == 3) {
            Expr inside = new Expr.Logic(
                    "and",
                    Sym.compare(Op.GT, args.get(0), args.get(1)),
                    Sym.compare(Op.LT, args.get(0), args.get(2)),
                    s);
            return new Expr.If(inside, of(args.get(0)), Sym.num(0, s), s);
        }
        if (f.equals("hypot") && args.size() == 2) {
            return Sym.add(
                    Sym.mul(Sym.div(args.get(0), c), of(args.get(0))),
                    Sym.mul(Sym.div(args.get(1), c), of(args.get(1))));
        }
        if (f.equals("atan2") && args.size() == 2) {
            Expr r2 = Sym.add(Sym.pow(args.get(1), Sym.num(2, s)), Sym.pow(args.get(0), Sym.num(2, s)));
            return Sym.sub(
                    Sym.mul(Sym.div(args.get(1), r2), of(args.get(0))),
                    Sym.mul(Sym.div(args.get(0), r2), of(args.get(1))));
        }
        throw new SomaError("cannot differentiate " + f + " with " + args.size() + " argument(s)");
    }
}
