package soma.model.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import soma.model.CompiledModel;
import soma.model.ir.Expr;
import soma.tensor.Tensor;

/**
 * The Jacobian of a small model as one scalar expression per non-zero entry, found from the
 * symbolic derivative's structure (identity blocks, diagonal factors, constant matrices, picked
 * rows, stacked rows, sums). All entries are then compiled together with the right-hand side,
 * so evaluating the Jacobian is one call of compiled code with no matrix algebra on the way.
 */
final class SparseJacobian {
    /** Row r of a derivative: column -> entry expression. One row broadcasts to any height. */
    private record Rows(List<Map<Integer, Expr>> rows) {}

    private final CompiledModel model;
    private final Function<Expr, int[]> shapeOf;
    private final Function<Expr, Tensor> valueOf;
    /** A coefficient as a reference to its value, computed once per evaluation (not once per entry). */
    private final Function<Expr, Expr> reference;

    SparseJacobian(
            CompiledModel model,
            Function<Expr, int[]> shapeOf,
            Function<Expr, Tensor> valueOf,
            Function<Expr, Expr> reference) {
        this.reference = reference;
        this.model = model;
        this.shapeOf = shapeOf;
        this.valueOf = valueOf;
    }

    /** The rows of d, or null for zero. */
    List<Map<Integer, Expr>> rows(Deriv d) {
        Rows r = eval(d);
        return r == null ? null : r.rows();
    }

    private Expr pick(Expr e, int[] shape, int r) {
        Expr ref = reference.apply(e);
        return shape.length == 0 ? ref : new Expr.Index(ref, new Expr.Num(r, e.span()), e.span());
    }

    private Rows eval(Deriv d) {
        return switch (d) {
            case Deriv.Zero z -> null;
            case Deriv.Identity i -> {
                int s = model.indexOf(i.state());
                List<Map<Integer, Expr>> rows = new ArrayList<>();
                for (int k = 0; k < model.sizes[s]; k++) {
                    Map<Integer, Expr> row = new LinkedHashMap<>();
                    row.put(model.offsets[s] + k, new Expr.Num(1, new Expr.Span(0, 0)));
                    rows.add(row);
                }
                yield new Rows(rows);
            }
            case Deriv.Scale sc -> {
                Rows inner = eval(sc.inner());
                if (inner == null) yield null;
                int[] shape = shapeOf.apply(sc.coefficient());
                int size = shape.length == 0 ? 1 : Math.max(1, shape[0]);
                int m = Math.max(size, inner.rows().size());
                List<Map<Integer, Expr>> rows = new ArrayList<>();
                for (int r = 0; r < m; r++) {
                    Expr c = pick(sc.coefficient(), shape, shape.length == 0 ? 0 : r);
                    Map<Integer, Expr> row = new LinkedHashMap<>();
                    for (var e :
                            inner.rows().get(inner.rows().size() == 1 ? 0 : r).entrySet())
                        row.put(e.getKey(), Sym.mul(c, e.getValue()));
                    rows.add(row);
                }
                yield new Rows(rows);
            }
            case Deriv.MatTimes mt -> {
                Rows inner = eval(mt.inner());
                if (inner == null) yield null;
                Tensor w = valueOf.apply(mt.matrix());
                int rowsW = w.shape()[0];
                int cols = w.shape()[1];
                List<Map<Integer, Expr>> rows = new ArrayList<>();
                for (int r = 0; r < rowsW; r++) {
                    Map<Integer, Expr> row = new LinkedHashMap<>();
                    for (int k = 0; k < cols; k++) {
                        double f = w.realData()[r * cols + k];
                        if (f == 0) continue;
                        for (var e : inner.rows()
                                .get(inner.rows().size() == 1 ? 0 : k)
                                .entrySet()) {
                            row.merge(
                                    e.getKey(),
                                    Sym.mul(new Expr.Num(f, e.getValue().span()), e.getValue()),
                                    Sym::add);
                        }
                    }
                    rows.add(row);
                }
                yield new Rows(rows);
            }
            case Deriv.Plus p -> {
                Rows a = eval(p.a());
                Rows b = eval(p.b());
                if (a == null) yield b;
                if (b == null) yield a;
                int m = Math.max(a.rows().size(), b.rows().size());
                List<Map<Integer, Expr>> rows = new ArrayList<>();
                for (int r = 0; r < m; r++) {
                    Map<Integer, Expr> row =
                            new LinkedHashMap<>(a.rows().get(a.rows().size() == 1 ? 0 : r));
                    for (var e : b.rows().get(b.rows().size() == 1 ? 0 : r).entrySet())
                        row.merge(e.getKey(), e.getValue(), Sym::add);
                    rows.add(row);
                }
                yield new Rows(rows);
            }
            case Deriv.Row w -> {
                Rows inner = eval(w.inner());
                if (inner == null) yield null;
                int k = (int) valueOf.apply(w.key()).scalarValue();
                if (inner.rows().size() == 1) yield inner;
                yield new Rows(List.of(inner.rows().get(k < 0 ? k + inner.rows().size() : k)));
            }
            case Deriv.Stack st -> {
                List<Map<Integer, Expr>> rows = new ArrayList<>();
                for (Deriv part : st.rows()) {
                    Rows r = eval(part);
                    rows.add(
                            r == null
                                    ? new LinkedHashMap<>()
                                    : new LinkedHashMap<>(r.rows().get(0)));
                }
                yield new Rows(rows);
            }
            case Deriv.SumRows s -> {
                Rows inner = eval(s.inner());
                if (inner == null) yield null;
                Map<Integer, Expr> row = new LinkedHashMap<>();
                for (Map<Integer, Expr> r : inner.rows())
                    for (var e : r.entrySet()) row.merge(e.getKey(), e.getValue(), Sym::add);
                if (s.mean())
                    row.replaceAll(
                            (col, e) -> Sym.div(e, new Expr.Num(inner.rows().size(), e.span())));
                yield new Rows(List.of(row));
            }
        };
    }
}
