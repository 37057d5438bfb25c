package soma.builtins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import soma.analysis.FixedPoints;
import soma.analysis.PhasePlane;
import soma.analysis.Stability;
import soma.autodiff.Gradients;
import soma.builtins.options.SimulationOptions;
import soma.model.Declaration;
import soma.model.ModelInstance;
import soma.model.diff.DerivText;
import soma.model.diff.Differentiator;
import soma.model.diff.JacobianBuilder;
import soma.model.diff.JacobianValue;
import soma.model.ir.Expr;
import soma.model.ir.Inliner;
import soma.model.ir.SymbolicFunction;
import soma.numerics.Simulator;
import soma.plot.PhasePortraitChart;
import soma.plot.PlotSpec;
import soma.runtime.Cell;
import soma.runtime.Nil;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.runtime.SomaFunction;
import soma.runtime.SomaList;
import soma.runtime.SomaRecord;
import soma.runtime.TensorHooks;
import soma.tensor.Tensor;

/** Exact derivatives of models: Jacobians derived symbolically from the declarations. */
final class DerivativeBuiltins {
    private DerivativeBuiltins() {}

    static void register(Builtins r) {
        r.def(
                "jacobian(model, at = nil, t = 0)",
                "exact Jacobian of an ode's right-hand side at a state (record or vector; default: "
                        + "the initial state), or of a network's output with respect to its input at: x; .symbolic shows the formula",
                a -> {
                    if (a.get("model") instanceof SomaFunction f) {
                        if (!a.given("at"))
                            throw a.error("the Jacobian of a function needs a point: jacobian(f, at: x)");
                        Tensor at = TensorHooks.toTensor(a.get("at"), "jacobian: at");
                        Tensor matrix = Gradients.jacobian(f, at, new Object[0]);
                        String formula = functionFormula(a, f, at.rank() > 0);
                        return formula == null ? matrix : new JacobianValue(matrix, formula);
                    }
                    ModelInstance model = a.model("model");
                    double[] y = point(a, model);
                    JacobianBuilder.Result j = new JacobianBuilder(model).at(y, a.num("t"), a.context());
                    return new JacobianValue(j.matrix(), j.symbolic());
                });
        r.def(
                "jacobian_of(model)",
                "a function J(at, into = nil) giving the exact Jacobian of an ode at a state, compiled once "
                        + "(for many linearizations, e.g. along a trajectory); into: a matrix to overwrite instead of a new one",
                a -> {
                    ModelInstance model = a.model("model");
                    return new JacobianBuilder(model)
                            .prepare(a.context())
                            .function(a.context().language());
                });
        r.def(
                "fixed_points(model, starts = 10, within = [-2, 2], method = \"newton\", lr = 0.01, iters = nil, tol = 1e-12, all = false)",
                "fixed points of an ode from random starts in a box: Newton (line search, exact Jacobian) or Adam on |f|^2; "
                        + "distinct points with their type and eigenvalues, or every run with all: true",
                DerivativeBuiltins::fixedPoints);
        r.def(
                "phase_portrait(model, x = [-3, 3], y = [-3, 3], starts = 4, t = 100, dt = 0.05, to = nil, title = \"\")",
                "phase plane of a 2-state ode (XPPAUT style): direction field, nullclines, fixed points by type, and trajectories from "
                        + "random starts (or starts: [[x, y], ...]); saved to to: as PNG or SVG; returns the fixed points",
                DerivativeBuiltins::phasePortrait);
        r.def(
                "stability(model, at)",
                "{type, stable, eigenvalues, jacobian} of an ode's fixed point (a record of states or a vector)",
                a -> {
                    ModelInstance model = a.model("model");
                    double[] y = point(a, model); // a record from fixed_points names the states, so it serves as is
                    Tensor j = new JacobianBuilder(model).prepare(a.context()).jacobian(y, 0);
                    Stability.Kind kind = Stability.classify(j);
                    SomaRecord out = new SomaRecord();
                    out.put("type", kind.type());
                    out.put("stable", kind.stable());
                    out.put("eigenvalues", kind.eigenvalues());
                    out.put("jacobian", j);
                    return out;
                });
    }

    private static Object fixedPoints(Args a) {
        ModelInstance model = a.model("model");
        String method = a.str("method");
        int iterations = a.given("iters") ? a.integer("iters") : method.equals("adam") ? 1000 : 100;
        JacobianBuilder.Prepared f = new JacobianBuilder(model).prepare(a.context());
        int n = f.model().stateSize;
        double[][] box = box(a, n);
        FixedPoints.Options o = new FixedPoints.Options(
                method, a.atLeast("starts", 1), box[0], box[1], a.num("lr"), iterations, a.num("tol"));
        List<FixedPoints.Run> runs = FixedPoints.search(f, o, a.context().rng());
        List<Object> out = new ArrayList<>();
        if (a.bool("all")) {
            for (FixedPoints.Run r : runs) {
                SomaRecord rec = new SomaRecord();
                rec.put("start", vector(r.start()));
                rec.put("point", vector(r.end()));
                rec.put("loss", r.loss());
                rec.put("converged", r.converged());
                out.add(rec);
            }
            return new SomaList(out);
        }
        for (double[] p : FixedPoints.distinct(runs)) {
            SomaRecord rec = fixedPoint(f, p, Stability.classify(f.jacobian(p, 0)));
            rec.put("residual", Math.sqrt(residual(f.rates(p, 0))));
            out.add(rec);
        }
        return new SomaList(out);
    }

    private static Object phasePortrait(Args a) {
        ModelInstance model = a.model("model");
        JacobianBuilder.Prepared f = new JacobianBuilder(model).prepare(a.context());
        var m = f.model();
        if (m.stateSize != 2)
            throw a.error(model.declaration.name + " has " + m.stateSize + " state elements; a phase plane needs 2");
        double[] xr = TensorHooks.toTensor(a.get("x"), "phase_portrait: x").realData();
        double[] yr = TensorHooks.toTensor(a.get("y"), "phase_portrait: y").realData();
        if (xr.length != 2 || yr.length != 2 || !(xr[1] > xr[0]) || !(yr[1] > yr[0]))
            throw a.error("x and y must be ranges [lo, hi] with lo < hi");
        String xName = m.stateNames.get(0);
        String yName = m.stateNames.size() > 1 ? m.stateNames.get(1) : xName + "[1]";
        List<double[]> starts = new ArrayList<>();
        if (a.get("starts") instanceof Double) {
            for (int k = 0; k < a.integer("starts"); k++) {
                starts.add(new double[] {
                    xr[0] + (xr[1] - xr[0]) * a.context().rng().nextDouble(),
                    yr[0] + (yr[1] - yr[0]) * a.context().rng().nextDouble()
                });
            }
        } else {
            for (Object st : a.list("starts").items)
                starts.add(TensorHooks.toTensor(st, "phase_portrait: starts").realData());
        }
        List<PhasePortraitChart.Polyline> paths = new ArrayList<>();
        SimulationOptions sim = SimulationOptions.read(a);
        for (double[] st : starts) {
            var o = sim.toSimulator(0, null, null, null, st, List.of());
            var run = Simulator.simulate(model, o, a.context());
            double[] xs;
            double[] ys;
            if (m.stateNames.size() == 2) {
                xs = run.series.get(xName).realData();
                ys = run.series.get(yName).realData();
            } else {
                double[] both = run.series.get(xName).realData();
                xs = new double[both.length / 2];
                ys = new double[both.length / 2];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = both[2 * i];
                    ys[i] = both[2 * i + 1];
                }
            }
            paths.add(new PhasePortraitChart.Polyline(
                    paths.isEmpty() ? "trajectories" : "trajectory " + (paths.size() + 1), xs, ys));
        }
        FixedPoints.Options fo = new FixedPoints.Options(
                "newton", 20, new double[] {xr[0], yr[0]}, new double[] {xr[1], yr[1]}, 0, 100, 1e-12);
        List<PhasePortraitChart.Point> marks = new ArrayList<>();
        List<Object> found = new ArrayList<>();
        for (double[] p :
                FixedPoints.distinct(FixedPoints.search(f, fo, a.context().rng()))) {
            Stability.Kind kind = Stability.classify(f.jacobian(p, 0));
            marks.add(new PhasePortraitChart.Point(
                    kind.type() + " (" + Printer.number(Math.round(p[0] * 1000) / 1000.0) + ", "
                            + Printer.number(Math.round(p[1] * 1000) / 1000.0) + ")",
                    p[0],
                    p[1],
                    kind.stable()));
            found.add(fixedPoint(f, p, kind));
        }
        if (OutputFiles.figureWanted(a.strOrNull("to"))) {
            var spec = PlotSpec.defaults()
                    .withTitle(a.str("title").isEmpty() ? model.declaration.name + ": phase plane" : a.str("title"))
                    .withXLabel(xName)
                    .withYLabel(yName);
            var figure = PhasePortraitChart.build(
                    PhasePlane.field(f, xr, yr, 20),
                    List.of(
                            PhasePlane.nullcline(f, 0, "d" + xName + "/dt = 0", xr, yr, 200),
                            PhasePlane.nullcline(f, 1, "d" + yName + "/dt = 0", xr, yr, 200)),
                    paths,
                    marks,
                    xr,
                    yr,
                    spec);
            OutputFiles.saveOrShow(a, figure, a.strOrNull("to"), "the phase portrait");
        }
        return new SomaList(found);
    }

    /** d f / d x as a formula, when f has an expression body (user functions it calls are inlined). */
    private static String functionFormula(Args a, SomaFunction f, boolean vector) {
        SymbolicFunction symbolic = SymbolicFunction.of(f);
        if (symbolic == null || symbolic.parameters().isEmpty()) return null;
        String x = symbolic.parameters().get(0);
        Inliner inliner = new Inliner(name -> {
            Cell cell = a.context().globals().lookup(name);
            return cell != null && cell.value instanceof SomaFunction g ? SymbolicFunction.of(g) : null;
        });
        try {
            Expr body = inliner.inline(symbolic.body());
            var d = new Differentiator(Set.of(x), Map.of()).d(body);
            return "d(" + f.name() + ")/d" + x + " = " + DerivText.show(d, vector);
        } catch (SomaError notSymbolic) {
            return null; // the matrix is still exact (reverse mode); there is just no formula to show
        }
    }

    private static double residual(double[] r) {
        double s = 0;
        for (double v : r) s += v * v;
        return s;
    }

    /** {v: .., w: .., point, type, stable, eigenvalues}: a fixed point by state, as one vector, and its kind. */
    private static SomaRecord fixedPoint(JacobianBuilder.Prepared f, double[] p, Stability.Kind kind) {
        SomaRecord rec = f.model().split(p, false);
        rec.put("point", vector(p));
        rec.put("type", kind.type());
        rec.put("stable", kind.stable());
        rec.put("eigenvalues", kind.eigenvalues());
        return rec;
    }

    private static Tensor vector(double[] x) {
        return new Tensor(new int[] {x.length}, x.clone());
    }

    /** within: [lo, hi] for every dimension, or [[lo1, hi1], [lo2, hi2], ...]. */
    private static double[][] box(Args a, int n) {
        Tensor w = TensorHooks.toTensor(a.get("within"), "fixed_points: within");
        double[] lo = new double[n];
        double[] hi = new double[n];
        if (w.rank() == 1 && w.size() == 2) {
            Arrays.fill(lo, w.realData()[0]);
            Arrays.fill(hi, w.realData()[1]);
        } else if (w.rank() == 2 && w.shape()[0] == n && w.shape()[1] == 2) {
            for (int i = 0; i < n; i++) {
                lo[i] = w.realData()[2 * i];
                hi[i] = w.realData()[2 * i + 1];
            }
        } else {
            throw a.error("within must be [lo, hi] or one [lo, hi] per state element (" + n + "), got shape "
                    + w.shapeString());
        }
        for (int i = 0; i < n; i++) {
            if (!(lo[i] < hi[i]) || Double.isInfinite(lo[i]) || Double.isInfinite(hi[i])) {
                throw a.error("within must give finite bounds lo < hi, got [" + Printer.number(lo[i]) + ", "
                        + Printer.number(hi[i]) + "]");
            }
        }
        return new double[][] {lo, hi};
    }

    /**
     * The full state (or input) vector for at:. nil gives the instance's initial values, a record
     * gives the variables it names. A vector is the one input of a network, or the one state of
     * an ode; with several, it is the whole flat vector.
     */
    static double[] point(Args a, ModelInstance model) {
        Object at = a.get("at");
        if (at == Nil.INSTANCE || at instanceof SomaRecord) return SimulationBuiltins.stateVector(at, model);
        boolean feedforward = model.declaration.isFeedforward();
        List<Declaration.StateSpec> free = model.declaration.states.stream()
                .filter(s -> s.input() == feedforward)
                .toList();
        if (free.size() == 1) {
            SomaRecord given = new SomaRecord();
            given.put(free.get(0).name(), at);
            return model.stateVector(given);
        }
        return TensorHooks.toTensor(at, "at").flatten().realData().clone();
    }
}
