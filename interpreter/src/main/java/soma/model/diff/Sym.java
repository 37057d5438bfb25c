package soma.model.diff;

import java.util.List;
import soma.model.ir.Expr;
import soma.runtime.Op;

/**
 * Smart constructors for symbolic expressions: they fold numbers and drop the neutral elements
 * (0 + x, 1 * x, x ^ 1, ...), so derivatives come out readable, e.g. 1 - tanh(u) ^ 2 rather
 * than 0 - 1 * (2 * tanh(u) ^ 1) * ....
 */
final class Sym {
    private Sym() {}

    static boolean isNum(Expr e, double v) {
        return e instanceof Expr.Num n && n.value() == v;
    }

    static Expr num(double v, Expr.Span s) {
        return new Expr.Num(v, s);
    }

    static Expr add(Expr a, Expr b) {
        if (isNum(a, 0)) return b;
        if (isNum(b, 0)) return a;
        if (a instanceof Expr.Num x && b instanceof Expr.Num y) return num(x.value() + y.value(), a.span());
        if (b instanceof Expr.Neg n) return sub(a, n.operand());
        if (b instanceof Expr.Num n && n.value() < 0) return sub(a, num(-n.value(), b.span()));
        return new Expr.Binary(Op.ADD, a, b, a.span());
    }

    static Expr sub(Expr a, Expr b) {
        if (isNum(b, 0)) return a;
        if (isNum(a, 0)) return neg(b);
        if (a instanceof Expr.Num x && b instanceof Expr.Num y) return num(x.value() - y.value(), a.span());
        return new Expr.Binary(Op.SUB, a, b, a.span());
    }

    static Expr mul(Expr a, Expr b) {
        if (isNum(a, 0) || isNum(b, 0)) return num(0, a.span());
        if (isNum(a, 1)) return b;
        if (isNum(b, 1)) return a;
        if (isNum(a, -1)) return neg(b);
        if (isNum(b, -1)) return neg(a);
        if (a instanceof Expr.Num x && b instanceof Expr.Num y) return num(x.value() * y.value(), a.span());
        if (b instanceof Expr.Num && !(a instanceof Expr.Num)) return mul(b, a); // constants first: 2 * x
        if (a instanceof Expr.Neg n) return neg(mul(n.operand(), b));
        if (b instanceof Expr.Neg n) return neg(mul(a, n.operand()));
        if (a instanceof Expr.Num x
                && b instanceof Expr.Binary m
                && m.op() == Op.MUL
                && m.left() instanceof Expr.Num y) {
            return mul(num(x.value() * y.value(), a.span()), m.right());
        }
        if (a instanceof Expr.Binary q && q.op() == Op.DIV && isNum(q.left(), 1))
            return div(b, q.right()); // (1 / y) * x = x / y
        if (b instanceof Expr.Binary q && q.op() == Op.DIV && isNum(q.left(), 1)) return div(a, q.right());
        return new Expr.Binary(Op.MUL, a, b, a.span());
    }

    static Expr div(Expr a, Expr b) {
        if (isNum(a, 0)) return a;
        if (isNum(b, 1)) return a;
        if (a instanceof Expr.Num x && b instanceof Expr.Num y) return num(x.value() / y.value(), a.span());
        return new Expr.Binary(Op.DIV, a, b, a.span());
    }

    static Expr pow(Expr a, Expr b) {
        if (isNum(b, 1)) return a;
        if (isNum(b, 0)) return num(1, a.span());
        return new Expr.Binary(Op.POW, a, b, a.span());
    }

    static Expr neg(Expr a) {
        if (a instanceof Expr.Num x) return num(-x.value(), a.span());
        if (a instanceof Expr.Neg n) return n.operand();
        return new Expr.Neg(a, a.span());
    }

    static Expr call(String f, Expr... args) {
        return new Expr.Call(f, List.of(args), args[0].span());
    }

    static Expr compare(Op op, Expr a, Expr b) {
        return new Expr.Binary(op, a, b, a.span());
    }
}
