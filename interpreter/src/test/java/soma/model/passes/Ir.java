package soma.model.passes;

import java.util.List;
import soma.model.ir.Expr;
import soma.model.ir.ModelSource;
import soma.runtime.Op;

/** Small builders for IR in tests; every node gets its own span so problems can be located. */
final class Ir {
    private static int next;

    private Ir() {}

    static Expr.Span span() {
        next += 10;
        return new Expr.Span(next, 5);
    }

    static Expr num(double v) {
        return new Expr.Num(v, span());
    }

    static Expr name(String n) {
        return new Expr.Name(n, span());
    }

    static Expr call(String f, Expr... args) {
        return new Expr.Call(f, List.of(args), span());
    }

    static Expr mul(Expr a, Expr b) {
        return new Expr.Binary(Op.MUL, a, b, span());
    }

    static Expr add(Expr a, Expr b) {
        return new Expr.Binary(Op.ADD, a, b, span());
    }

    static Expr matmul(Expr a, Expr b) {
        return new Expr.Binary(Op.MATMUL, a, b, span());
    }

    /** A part with no symbolic form, e.g. {@code W[:, 0]}, mentioning the given names. */
    static Expr opaque(String what, List<String> names, List<String> functions) {
        Expr.Span s = span();
        return new Expr.Opaque(what, s, names, functions, !functions.isEmpty(), true, s);
    }

    static ModelSource.Definition def(String name, Expr value) {
        return new ModelSource.Definition(name, value, span());
    }

    static ModelSource.State state(String name) {
        return new ModelSource.State(name, false, null, null, span());
    }

    static ModelSource.Equation eq(String state, Expr value) {
        return new ModelSource.Equation(state, null, value, span(), span());
    }
}
