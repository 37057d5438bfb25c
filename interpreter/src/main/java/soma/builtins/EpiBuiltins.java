package soma.builtins;

import java.util.ArrayList;
import java.util.List;
import soma.builtins.options.SimulationOptions;
import soma.builtins.options.TrainingOptions;
import soma.epi.AugmentedLagrangian;
import soma.epi.ConstraintValue;
import soma.epi.Epi;
import soma.epi.EpiResult;
import soma.epi.FunctionObjective;
import soma.epi.History;
import soma.epi.Objective;
import soma.epi.SimulatedObjective;
import soma.flow.FlowJson;
import soma.flow.FlowOps;
import soma.flow.FlowValue;
import soma.model.ModelInstance;
import soma.numerics.Simulator;
import soma.plot.Charts;
import soma.plot.PlotSpec;
import soma.runtime.Printer;
import soma.runtime.SomaFunction;
import soma.runtime.SomaList;
import soma.runtime.SomaRecord;
import soma.runtime.TensorHooks;
import soma.tensor.Tensor;

/** Emergent property inference: epi(...), the result's methods, and epi_last() after a Ctrl-C. */
final class EpiBuiltins {
    private EpiBuiltins() {}

    static void register(Builtins r) {
        r.def(
                "epi(model, flow, property, over = nil, c0 = 1, beta = 4, gamma = 0.25, alpha = 0.05, epochs = 8, iterations = 1000, "
                        + "batch = 300, lr = 0.001, test_batch = 5000, seed = 0, until_converged = true, checkpoint = nil, resume = false, "
                        + "quiet = false, t = nil, steps = nil, dt = 0.01, method = \"rk4\", threads = nil, lr_decay = 0.1, scale_statistics = true)",
                "emergent property inference: the maximum-entropy flow over the parameters 'over' whose simulated activity has the "
                        + "property's moments (augmented Lagrangian, docs/epi.md); model: an ode/network, or a function of "
                        + "the (n x k) parameter batch",
                EpiBuiltins::epi);
        r.def(
                "property_statistics(model, property, z, over = nil, gradients = false, t = nil, steps = nil, dt = 0.01, method = \"rk4\", "
                        + "threads = nil)",
                "a property's statistics T (n x m) and targets mu at the parameter rows z (n x k), and with gradients: true dT/dz "
                        + "(n x m x k) exactly as epi computes them",
                a -> {
                    if (!(a.get("property") instanceof ConstraintValue property))
                        throw a.error("property must be a constraint");
                    Tensor z = TensorHooks.toTensor(a.get("z"), "property_statistics: z");
                    if (z.rank() != 2) throw a.error("z must be an (n x k) matrix, one parameter vector per row");
                    int n = z.shape()[0], k = z.shape()[1], m = property.count();
                    Objective.Evaluation ev = target(a, property, k)
                            .objective()
                            .evaluate(z.realData().clone(), n, a.bool("gradients"));
                    SomaRecord out = new SomaRecord();
                    out.put("T", new Tensor(new int[] {n, m}, ev.t()));
                    out.put("mu", new Tensor(new int[] {m}, ev.mu()));
                    if (ev.g() != null) out.put("dT", new Tensor(new int[] {n, m, k}, ev.g()));
                    return out;
                });
        r.def(
                "epi_last()",
                "the latest epi run, as far as it got (after Ctrl-C: up to the interrupted iteration)",
                a -> a.context().lastInference());

        r.method(
                "epi_result",
                "samples(n = 1000)",
                "n samples of the learned distribution",
                a -> FlowOps.sample(
                                ((EpiResult) a.receiver()).flow.flow,
                                a.atLeast("n", 1),
                                a.context().rng())
                        .get("z"));
        r.method(
                "epi_result",
                "save(path)",
                "writes path.json (flow and history), path_history.csv and path_samples.csv (1000 samples)",
                a -> {
                    EpiResult res = (EpiResult) a.receiver();
                    String base = a.str("path").endsWith(".json")
                            ? a.str("path").substring(0, a.str("path").length() - 5)
                            : a.str("path");
                    OutputFiles.writeText(a, base + ".json", FlowJson.toJson(res.flow.flow), "the flow");
                    OutputFiles.saveCsv(a, base + "_history.csv", historyTable(res), historyHeader(res));
                    Tensor samples = (Tensor)
                            FlowOps.sample(res.flow.flow, 1000, a.context().rng())
                                    .get("z");
                    OutputFiles.saveCsv(a, base + "_samples.csv", samples, res.parameters);
                    return base + ".json";
                });
        r.method(
                "epi_result",
                "plot(to)",
                "entropy and constraint-violation traces (to), and a pair plot of the samples after each epoch "
                        + "(to with _epochK before the extension)",
                a -> {
                    EpiResult res = (EpiResult) a.receiver();
                    String to = a.str("to");
                    List<History.Check> checks = res.state.history.checks;
                    double[] epochs = new double[checks.size()],
                            h = new double[checks.size()],
                            norm = new double[checks.size()];
                    for (int i = 0; i < checks.size(); i++) {
                        epochs[i] = checks.get(i).epoch();
                        h[i] = checks.get(i).entropy();
                        norm[i] = AugmentedLagrangian.norm(checks.get(i).r());
                    }
                    PlotSpec spec = PlotSpec.defaults()
                            .withTitle("EPI: entropy and |R| per epoch")
                            .withXLabel("epoch")
                            .withLabels(List.of("entropy H", "|R|"));
                    OutputFiles.save(a, Charts.line(epochs, List.of(h, norm), spec), to, "plot");
                    int dot = to.lastIndexOf('.');
                    List<Object> files = new ArrayList<>(List.of(to));
                    int d = res.flow.flow.dim;
                    for (History.Check k : checks) {
                        double[][] rows = Numbers.matrix(
                                new Tensor(new int[] {k.samples().length / d, d}, k.samples()), "samples");
                        String file = to.substring(0, dot < 0 ? to.length() : dot) + "_epoch" + k.epoch()
                                + (dot < 0 ? ".png" : to.substring(dot));
                        OutputFiles.save(
                                a,
                                Charts.pairplot(
                                        rows,
                                        res.parameters.toArray(new String[0]),
                                        PlotSpec.defaults().withTitle("epoch " + k.epoch())),
                                file,
                                "plot");
                        files.add(file);
                    }
                    return new SomaList(files);
                });
    }

    private static Object epi(Args a) {
        if (!(a.get("flow") instanceof FlowValue q))
            throw a.error("flow must be a flow (declare one with flow Name(dim = ...) { ... })");
        if (!(a.get("property") instanceof ConstraintValue property))
            throw a.error("property must be a constraint (constraint Name(sim) { ... })");
        int k = q.flow.dim;
        Target target = target(a, property, k);
        Objective objective = target.objective();
        List<String> names = target.names();
        TrainingOptions training = TrainingOptions.read(a);
        double lrDecay = a.num("lr_decay");
        if (!(lrDecay > 0 && lrDecay <= 1))
            throw a.error("lr_decay is the fraction of lr left at the end of each epoch: a number in (0, 1]");
        Epi.Options o = new Epi.Options(
                training.epochs(),
                training.iterations(),
                training.batch(),
                training.lr(),
                lrDecay,
                a.num("c0"),
                a.num("beta"),
                a.num("gamma"),
                a.num("alpha"),
                a.atLeast("test_batch", 2),
                training.seed(),
                a.bool("until_converged"),
                training.checkpoint(),
                training.resume(),
                a.bool("quiet"),
                a.bool("scale_statistics"));
        List<String> finalNames = names;
        Epi.run(
                q.flow,
                objective,
                property.count(),
                o,
                a.context().out(),
                state -> a.context().lastInference(new EpiResult(state, q, property, finalNames)));
        return a.context().lastInference();
    }

    /** The model as EPI sees it, and the names of the flow's coordinates. */
    private record Target(Objective objective, List<String> names) {}

    /**
     * An ode/network (simulated with over:, and the simulation options t: or steps:, dt:,
     * method:, threads:) or a function of the (n x k) parameter batch.
     */
    private static Target target(Args a, ConstraintValue property, int k) {
        List<String> names = new ArrayList<>();
        Objective objective;
        if (a.get("model") instanceof SomaFunction f) {
            for (int j = 0; j < k; j++) names.add("z" + (j + 1));
            if (a.given("over")) names = strings(a);
            objective = new FunctionObjective(f, property, k);
        } else {
            ModelInstance model = a.model("model");
            if (!a.given("over")) throw a.error("say which parameters are inferred: over: [\"g_el\", \"g_synA\"]");
            names = strings(a);
            for (String n : names) {
                if (!model.declaration.parameters.contains(n))
                    throw a.error(model.declaration.name + " has no parameter '" + n + "'");
            }
            Simulator.Options base = SimulationOptions.read(a).toSimulator(0, null, names, null, null, List.of());
            objective = new SimulatedObjective(model, names, base, property, a.context());
        }
        if (names.size() != k) throw a.error("the parameters have dimension " + k + " but over: names " + names.size());
        return new Target(objective, names);
    }

    /** over: the names of the inferred parameters, each once. */
    private static List<String> strings(Args a) {
        List<String> out = new ArrayList<>();
        for (Object o : a.list("over").items) {
            if (!(o instanceof String s))
                throw a.error("over: lists parameter names as strings, got " + Printer.show(o));
            if (out.contains(s)) throw a.error("over: names '" + s + "' twice");
            out.add(s);
        }
        return out;
    }

    private static List<String> historyHeader(EpiResult res) {
        List<String> h = new ArrayList<>(List.of("epoch", "entropy", "c", "norm_R", "passed"));
        for (int i = 0; i < res.property.count(); i++) h.add("R" + (i + 1));
        for (int i = 0; i < res.property.count(); i++) h.add("eta" + (i + 1));
        for (int i = 0; i < res.property.count(); i++) h.add("p" + (i + 1));
        return h;
    }

    private static Tensor historyTable(EpiResult res) {
        List<History.Check> checks = res.state.history.checks;
        int m = res.property.count(), w = 5 + 3 * m;
        double[] t = new double[checks.size() * w];
        for (int i = 0; i < checks.size(); i++) {
            History.Check k = checks.get(i);
            double[] row = {k.epoch(), k.entropy(), k.c(), AugmentedLagrangian.norm(k.r()), k.passed() ? 1 : 0};
            System.arraycopy(row, 0, t, i * w, 5);
            System.arraycopy(k.r(), 0, t, i * w + 5, m);
            System.arraycopy(k.eta(), 0, t, i * w + 5 + m, m);
            System.arraycopy(k.pValues(), 0, t, i * w + 5 + 2 * m, m);
        }
        return new Tensor(new int[] {checks.size(), w}, t);
    }
}
