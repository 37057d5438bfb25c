package soma.model.passes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import soma.model.ir.Expr;

/**
 * Loop-invariant code motion for the compiled part of a model, as Brian2 does it when it
 * generates code: a sub-expression of a dynamic definition or an equation that calls a function
 * but depends on nothing dynamic ({@code (W - eye(N)) @ x}, {@code g / sqrt(N)}) is computed once
 * per instance. It becomes a hidden static definition, and the equation reads its value. A call
 * of a function that is not stateless (a random draw) is not moved: drawn once, it would be a
 * constant, not noise, so it is a problem instead. Parts with no symbolic form that stay in
 * compiled code are problems too; both are found in one walk, in the order the parser used to
 * report them (an {@code if}'s alternative before its condition).
 */
public final class Hoisting {
    /** A moved sub-expression: its hidden name and the original expression, evaluated by setup. */
    public record Hoisted(String name, Expr value) {}

    private final Set<String> dynamic;
    private final Set<String> notStateless;
    private final List<Problem> problems;
    private final List<Hoisted> hoisted = new ArrayList<>();

    /**
     * @param dynamic      states, {@code t} and dynamic definitions
     * @param notStateless functions whose calls give a new value each time (see the builtin registry)
     */
    public Hoisting(Set<String> dynamic, Set<String> notStateless, List<Problem> problems) {
        this.dynamic = dynamic;
        this.notStateless = notStateless;
        this.problems = problems;
    }

    /** The moved sub-expressions so far, in the order they were found. */
    public List<Hoisted> hoisted() {
        return List.copyOf(hoisted);
    }

    /** The expression with its invariant sub-expressions replaced by the names of hidden statics. */
    public Expr rewrite(Expr e) {
        if (invariant(e)) {
            String random = References.firstCall(e, notStateless);
            if (random == null) {
                String name = "$h" + hoisted.size();
                hoisted.add(new Hoisted(name, e));
                return new Expr.Name(name, e.span());
            }
            problems.add(new Problem(
                    e.span(),
                    "'" + random + "' inside an equation would be drawn only once; draw it in a definition "
                            + "(noise = " + random
                            + "(...)) if that is what you mean (stochastic equations are not supported yet)"));
        }
        return switch (e) {
            case Expr.Num n -> n;
            case Expr.Name n -> n;
            case Expr.Neg n -> new Expr.Neg(rewrite(n.operand()), n.span());
            case Expr.Binary b -> {
                Expr left = rewrite(b.left());
                yield new Expr.Binary(b.op(), left, rewrite(b.right()), b.span());
            }
            case Expr.Logic l -> {
                Expr left = rewrite(l.left());
                yield new Expr.Logic(l.kind(), left, l.right() == null ? null : rewrite(l.right()), l.span());
            }
            case Expr.If i -> {
                Expr otherwise = rewrite(i.otherwise());
                Expr condition = rewrite(i.condition());
                yield new Expr.If(condition, rewrite(i.then()), otherwise, i.span());
            }
            case Expr.Call c ->
                new Expr.Call(c.function(), c.args().stream().map(this::rewrite).toList(), c.span());
            case Expr.Index i -> {
                Expr target = rewrite(i.target());
                yield new Expr.Index(target, rewrite(i.key()), i.span());
            }
            case Expr.ListOf l ->
                new Expr.ListOf(l.items().stream().map(this::rewrite).toList(), l.span());
            case Expr.Opaque o -> {
                problems.add(new Problem(o.at(), "not allowed in a model's equations: " + o.what()));
                yield o;
            }
        };
    }

    /** Worth computing once: it calls something (plain names and numbers cost nothing) and nothing in it changes. */
    private boolean invariant(Expr e) {
        if (e instanceof Expr.Num || e instanceof Expr.Name) return false;
        if (e instanceof Expr.Opaque o && !o.standalone()) return false;
        return References.calls(e) && !StaticSplit.dependsOnAny(e, dynamic);
    }
}
