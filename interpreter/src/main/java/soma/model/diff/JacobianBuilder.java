package soma.model.diff;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.TruffleLanguage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import soma.model.CompiledModel;
import soma.model.Declaration;
import soma.model.Evaluator;
import soma.model.ModelCompiler;
import soma.model.ModelInstance;
import soma.model.ir.Expr;
import soma.model.ir.ExprText;
import soma.model.ir.Inliner;
import soma.model.nodes.Workspace;
import soma.runtime.Host;
import soma.runtime.Op;
import soma.runtime.SomaError;
import soma.runtime.SomaFunction;
import soma.runtime.TensorHooks;
import soma.tensor.Tensor;

/**
 * The exact Jacobian of a model at a point: the symbolic derivative of every equation (or output)
 * with respect to the state (or input), whose coefficient expressions are compiled and evaluated
 * like the right-hand side, then assembled into a matrix. Also gives the formula, block by block.
 */
public final class JacobianBuilder {
    private final ModelInstance instance;
    private final Declaration d;
    private final Differentiator diff;
    /** Rows of the Jacobian: one derivative per equation (or output), with the state it belongs to. */
    private final List<Deriv> rows = new ArrayList<>();

    private final List<String> rowNames = new ArrayList<>();
    private final List<Expr> rowIndex = new ArrayList<>();

    public record Result(Tensor matrix, String symbolic) {}

    public JacobianBuilder(ModelInstance instance) {
        this.instance = instance;
        this.d = instance.declaration;
        Map<String, Expr> defs = new LinkedHashMap<>();
        for (Declaration.Definition def : d.definitions) defs.put(def.name(), def.value());
        Set<String> states = new HashSet<>();
        for (Declaration.StateSpec s : d.states) states.add(s.name());
        this.diff = new Differentiator(states, defs);
        if (d.isFeedforward()) {
            if (d.definitions.isEmpty()) throw new SomaError(d.name + " has no outputs to differentiate");
            Declaration.Definition out = d.definitions.get(d.definitions.size() - 1);
            rows.add(diff.d(out.value()));
            rowNames.add(out.name());
            rowIndex.add(null);
        } else {
            for (Declaration.Equation eq : d.equations) {
                rows.add(diff.d(eq.value()));
                rowNames.add(eq.state());
                rowIndex.add(eq.index());
            }
        }
    }

    /** The Jacobian at state (or input) y, with its formula. */
    public Result at(double[] y, double t, Host context) {
        Prepared p = prepare(context);
        return new Result(p.jacobian(y, t), symbolic(p.model));
    }

    /** Compiles the right-hand side and the Jacobian's coefficients once, for evaluation at many points. */
    public Prepared prepare(Host context) {
        return new Prepared(context);
    }

    /** f and its Jacobian, compiled; evaluation at a point re-uses the nodes and the workspace. */
    public final class Prepared {
        private final CompiledModel model;
        private final Evaluator.Compiled evaluator;
        private final Numeric numeric;
        /** For small odes: every non-zero entry compiled as an expression (null: use the matrix algebra of Numeric). */
        private JacobianKernel kernel;
        /** The kernel at one point, as a call target for Java callers (compiled once it is hot); its workspace. */
        private CallTarget kernelTarget;

        private Workspace kernelWorkspace;

        private Prepared(Host context) {
            List<Expr> coefficients = new ArrayList<>();
            Map<Expr, Integer> slot = new IdentityHashMap<>();
            for (Deriv r : rows) collect(r, coefficients, slot);
            for (Expr k : rowIndex) if (k != null) register(k, coefficients, slot);
            evaluator = Evaluator.compile(instance, context, coefficients);
            model = evaluator.model();
            int base = model.outputs.size() - coefficients.size();
            numeric = new Numeric(model, e -> evaluator.output(model.outputs.get(base + slot.get(e))));
            if (!d.isFeedforward() && model.stateSize <= 64) compileEntries(context, slot, base);
        }

        private void compileEntries(Host context, Map<Expr, Integer> slot, int base) {
            double[] y0 = model.initial(instance.values);
            evaluator.run(y0, 0); // statics (matrices, indices) do not depend on the state
            List<Expr> bySlot = new ArrayList<>(slot.size());
            for (int k = 0; k < slot.size(); k++) bySlot.add(null);
            for (var e : slot.entrySet()) bySlot.set(e.getValue(), e.getKey());
            // definitions written out in place, so their calls are shared with the coefficients' (S_inf's exp(...) with
            // S_inf')
            Map<String, Expr> definitionsByName = new HashMap<>();
            for (Declaration.Definition def : d.definitions) definitionsByName.put(def.name(), def.value());
            Inliner expand = Inliner.definitions(definitionsByName);
            Cse cse = new Cse(bySlot.stream().map(expand::inline).toList());
            SparseJacobian sparse = new SparseJacobian(
                    model,
                    e -> model.outputs.get(base + slot.get(e)).shape(),
                    e -> TensorHooks.toTensor(evaluator.output(model.outputs.get(base + slot.get(e))), "coefficient"),
                    e -> cse.reference(cse.index(expand.inline(e)), e.span()));
            int n = model.stateSize;
            // entry expressions by position row * n + column (a position reached twice adds up)
            Map<Integer, Expr> entryAt = new TreeMap<>();
            try {
                for (int k = 0; k < rows.size(); k++) {
                    int s = model.indexOf(rowNames.get(k));
                    List<Map<Integer, Expr>> block = sparse.rows(rows.get(k));
                    if (block == null) continue;
                    int from = 0;
                    int count = model.sizes[s];
                    if (rowIndex.get(k) != null) {
                        int i = (int) TensorHooks.toTensor(
                                        evaluator.output(model.outputs.get(base + slot.get(rowIndex.get(k)))), "index")
                                .scalarValue();
                        from = i < 0 ? i + model.sizes[s] : i;
                        count = 1;
                    }
                    for (int i = 0; i < count; i++) {
                        for (var e : block.get(block.size() == 1 ? 0 : i).entrySet()) {
                            if (e.getValue() instanceof Expr.Num z && z.value() == 0) continue;
                            entryAt.merge(
                                    (model.offsets[s] + from + i) * n + e.getKey(),
                                    e.getValue(),
                                    (a, b) -> new Expr.Binary(Op.ADD, a, b, a.span()));
                        }
                    }
                }
                // shared calls first, then the distinct coefficients, then the entries that use them ("$x0", ...)
                List<Expr> all = new ArrayList<>(cse.shared);
                all.addAll(cse.coefficients);
                all.addAll(entryAt.values());
                int[] into =
                        entryAt.keySet().stream().mapToInt(Integer::intValue).toArray();
                kernel = new JacobianKernel(ModelCompiler.compileOnly(instance, context, all, into));
            } catch (RuntimeException notSupported) {
                kernel = null; // a structure the sparse form does not cover: the matrix algebra still works
                return;
            }
            kernelTarget = new JacobianKernel.Root(context.language(), kernel.copy()).getCallTarget();
            kernelWorkspace = kernel.newWorkspace();
        }

        public CompiledModel model() {
            return model;
        }

        /** The function {@code jacobian_of} returns: J(at, into), with the kernel compiled into it. */
        public SomaFunction function(TruffleLanguage<?> language) {
            JacobianFunction root = new JacobianFunction(language, this, kernel == null ? null : kernel.copy(), d.name);
            return new SomaFunction(JacobianFunction.signature(d.name), root.getCallTarget(), null, true);
        }

        /** The compiled entries (a fresh copy to adopt), or null when this Jacobian is computed by matrix algebra. */
        public JacobianKernel kernel() {
            return kernel == null ? null : kernel.copy();
        }

        /** One Jacobian per row of a (points x n) matrix, e.g. along a trajectory: a (points x n x n) tensor. */
        @com.oracle.truffle.api.CompilerDirectives.TruffleBoundary
        Tensor alongRows(Tensor points) {
            int n = model.stateSize;
            int count = points.shape()[0];
            double[] out = new double[count * n * n];
            double[] y = new double[n];
            double[] one = new double[n * n]; // reused: the kernel writes the same positions at every point
            for (int r = 0; r < count; r++) {
                System.arraycopy(points.realData(), r * n, y, 0, n);
                if (kernel != null) {
                    kernelTarget.call(kernelWorkspace, y, 0.0, one);
                    System.arraycopy(one, 0, out, r * n * n, n * n);
                } else {
                    System.arraycopy(jacobian(y, 0).realData(), 0, out, r * n * n, n * n);
                }
            }
            return new Tensor(new int[] {count, n, n}, out);
        }

        /** f(t, y): the rates of the state variables (evaluates the model at y). */
        public double[] rates(double[] y, double t) {
            evaluator.run(y, t);
            return evaluator.derivative();
        }

        /** The Jacobian at y (after evaluating the model there). */
        public Tensor jacobian(double[] y, double t) {
            int n = model.stateSize;
            if (kernel != null) {
                if (y.length != n)
                    throw new SomaError(d.name + " has " + n + " state/input elements, got " + y.length + " values");
                double[] out = new double[n * n];
                kernelTarget.call(kernelWorkspace, y, t, out);
                return new Tensor(new int[] {n, n}, out);
            }
            evaluator.run(y, t);
            double[][] jac;
            if (d.isFeedforward()) {
                jac = numeric.eval(rows.get(0), -1);
            } else {
                jac = new double[n][];
                for (int k = 0; k < rows.size(); k++) {
                    int s = model.indexOf(rowNames.get(k));
                    double[][] block = numeric.eval(rows.get(k), model.sizes[s]);
                    if (rowIndex.get(k) == null) {
                        for (int i = 0; i < model.sizes[s]; i++)
                            jac[model.offsets[s] + i] = block[block.length == 1 ? 0 : i];
                    } else {
                        int i = (int) numeric.scalar(rowIndex.get(k));
                        i = i < 0 ? i + model.sizes[s] : i;
                        jac[model.offsets[s] + i] = block[0];
                    }
                }
                for (int i = 0; i < n; i++) if (jac[i] == null) jac[i] = new double[n];
            }
            return restrictColumns(jac, model);
        }
    }

    /** For networks: only the input columns; for odes: all (inputs are not part of the state dynamics). */
    private Tensor restrictColumns(double[][] jac, CompiledModel model) {
        List<Integer> cols = new ArrayList<>();
        for (int s = 0; s < model.stateNames.size(); s++) {
            boolean input = d.states.get(s).input();
            if (d.isFeedforward() == input || !d.isFeedforward() && !input) {
                for (int i = 0; i < model.sizes[s]; i++) cols.add(model.offsets[s] + i);
            }
        }
        int rowsOut = d.isFeedforward() ? jac.length : cols.size();
        double[] data = new double[rowsOut * cols.size()];
        for (int r = 0; r < rowsOut; r++) {
            int row = d.isFeedforward() ? r : cols.get(r);
            for (int c = 0; c < cols.size(); c++) data[r * cols.size() + c] = jac[row][cols.get(c)];
        }
        return new Tensor(new int[] {rowsOut, cols.size()}, data);
    }

    private String symbolic(CompiledModel model) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < rows.size(); k++) {
            String of = d.isFeedforward()
                    ? rowNames.get(k)
                    : "d" + rowNames.get(k)
                            + (rowIndex.get(k) == null ? "" : "[" + ExprText.show(rowIndex.get(k)) + "]") + "/dt";
            for (Declaration.StateSpec s : d.states) {
                if (s.input() != d.isFeedforward()) continue;
                Deriv block = DerivText.project(rows.get(k), s.name());
                if (block instanceof Deriv.Zero) continue;
                if (sb.length() > 0) sb.append('\n');
                sb.append("d(")
                        .append(of)
                        .append(")/d")
                        .append(s.name())
                        .append(" = ")
                        .append(DerivText.show(block, s.indexed()));
            }
        }
        return sb.toString();
    }

    private void collect(Deriv r, List<Expr> out, Map<Expr, Integer> slot) {
        switch (r) {
            case Deriv.Zero z -> {}
            case Deriv.Identity i -> {}
            case Deriv.Scale s -> {
                register(s.coefficient(), out, slot);
                collect(s.inner(), out, slot);
            }
            case Deriv.MatTimes m -> {
                register(m.matrix(), out, slot);
                collect(m.inner(), out, slot);
            }
            case Deriv.Plus p -> {
                collect(p.a(), out, slot);
                collect(p.b(), out, slot);
            }
            case Deriv.Row w -> {
                register(w.key(), out, slot);
                collect(w.inner(), out, slot);
            }
            case Deriv.Stack s -> s.rows().forEach(x -> collect(x, out, slot));
            case Deriv.SumRows s -> collect(s.inner(), out, slot);
        }
    }

    private static void register(Expr e, List<Expr> out, Map<Expr, Integer> slot) {
        if (!slot.containsKey(e)) {
            slot.put(e, out.size());
            out.add(e);
        }
    }
}
