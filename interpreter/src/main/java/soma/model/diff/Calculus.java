package soma.model.diff;

import soma.model.ir.Expr;
import soma.runtime.Op;
import soma.runtime.SomaError;

/** f'(u) for the one-argument math functions, as symbolic expressions in u. */
final class Calculus {
    private Calculus() {}

    static Expr derivative(String f, Expr u, Expr.Span s) {
        Expr one = Sym.num(1, s);
        Expr two = Sym.num(2, s);
        return switch (f) {
            case "tanh" -> Sym.sub(one, Sym.pow(Sym.call("tanh", u), two));
            case "exp" -> Sym.call("exp", u);
            case "log" -> Sym.div(one, u);
            case "log10" -> Sym.div(one, Sym.mul(Sym.num(Math.log(10), s), u));
            case "sqrt" -> Sym.div(Sym.num(0.5, s), Sym.call("sqrt", u));
            case "sin" -> Sym.call("cos", u);
            case "cos" -> Sym.neg(Sym.call("sin", u));
            case "tan" -> Sym.add(one, Sym.pow(Sym.call("tan", u), two));
            case "asin" -> Sym.div(one, Sym.call("sqrt", Sym.sub(one, Sym.pow(u, two))));
            case "acos" -> Sym.neg(Sym.div(one, Sym.call("sqrt", Sym.sub(one, Sym.pow(u, two)))));
            case "atan" -> Sym.div(one, Sym.add(one, Sym.pow(u, two)));
            case "sinh" -> Sym.call("cosh", u);
            case "cosh" -> Sym.call("sinh", u);
            case "abs" -> Sym.call("sign", u);
            case "sigmoid" -> Sym.mul(Sym.call("sigmoid", u), Sym.sub(one, Sym.call("sigmoid", u)));
            case "softplus" -> Sym.call("sigmoid", u);
            case "relu" -> Sym.compare(Op.GT, u, Sym.num(0, s));
            case "floor", "ceil", "round", "sign" -> Sym.num(0, s);
            default -> throw new SomaError("cannot differentiate '" + f + "'");
        };
    }
}
