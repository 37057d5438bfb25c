package soma.builtins;

import java.util.Arrays;
import soma.builtins.options.TrainingOptions;
import soma.flow.Flow;
import soma.flow.FlowJson;
import soma.flow.FlowOps;
import soma.flow.FlowValue;
import soma.flow.Gaussian;
import soma.plot.Charts;
import soma.plot.PlotSpec;
import soma.runtime.Nil;
import soma.runtime.Printer;
import soma.runtime.SomaRecord;
import soma.tensor.Tensor;

/** Normalizing flows: the Gaussian targets they are fitted to, loading, and the methods of a flow value. */
final class FlowBuiltins {
    private FlowBuiltins() {}

    static void register(Builtins r) {
        r.def(
                "gaussian(mean, std = nil, cov = nil)",
                "a Gaussian target N(mean, cov) (std: a number or one per coordinate)",
                a -> {
                    double[] mean = Numbers.vector(a.get("mean"), "gaussian: mean");
                    int d = mean.length;
                    if (d == 0) throw a.error("mean must have at least one coordinate");
                    double[] cov = new double[d * d];
                    if (a.given("cov")) {
                        double[][] c = Numbers.matrix(a.get("cov"), "gaussian: cov");
                        if (c.length != d || c[0].length != d)
                            throw a.error("cov must be " + d + " x " + d + " to match the mean");
                        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) cov[i * d + j] = c[i][j];
                    } else {
                        double[] sd = a.given("std") ? numbers(a.get("std"), "gaussian: std") : new double[] {1};
                        if (sd.length != 1 && sd.length != d)
                            throw a.error("std must be one number or " + d + " numbers");
                        for (int i = 0; i < d; i++) {
                            double s = sd.length == 1 ? sd[0] : sd[i];
                            if (!(s > 0)) throw a.error("std must be positive");
                            cov[i * d + i] = s * s;
                        }
                    }
                    return new Gaussian(mean, cov);
                });
        r.def(
                "load_flow(path)",
                "a flow saved with q.save(path)",
                a -> new FlowValue(
                        FlowJson.fromJson(OutputFiles.readText(a, a.str("path"), "the flow file"), a.str("path"))));

        r.method(
                "gaussian",
                "truncated(lo, hi)",
                "{mass, mean, cov} of this Gaussian restricted to the box (lo, hi)",
                a -> {
                    Gaussian g = (Gaussian) a.receiver();
                    int d = ((Double) g.field("dim")).intValue();
                    double[] lo = bound(a, "lo", d);
                    double[] hi = bound(a, "hi", d);
                    for (int i = 0; i < d; i++) {
                        // a reversed box is a mistake, not a box to flip: refuse it rather than guess
                        if (!(lo[i] < hi[i])) {
                            throw a.error(
                                    "the box must have lo < hi in every coordinate, got lo = " + Printer.number(lo[i])
                                            + ", hi = " + Printer.number(hi[i]) + (d > 1 ? " in coordinate " + i : ""));
                        }
                    }
                    double[][] t = FlowOps.truncated(g, lo, hi);
                    SomaRecord rec = new SomaRecord();
                    rec.put("mass", t[0][0]);
                    rec.put("mean", new Tensor(new int[] {d}, t[1]));
                    rec.put("cov", new Tensor(new int[] {d, d}, t[2]));
                    return rec;
                });

        r.method("flow", "sample(n = 1000)", "n samples, an (n x dim) tensor", a -> {
            FlowValue q = (FlowValue) a.receiver();
            return FlowOps.sample(q.flow, positive(a, "n"), a.context().rng()).get("z");
        });
        r.method(
                "flow",
                "sample_with_log_prob(n = 1000)",
                "{z, log_prob}: n samples and their log-density, in one pass",
                a -> {
                    FlowValue q = (FlowValue) a.receiver();
                    return FlowOps.sample(q.flow, positive(a, "n"), a.context().rng());
                });
        r.method(
                "flow",
                "log_prob(z)",
                "log-density of points (a vector, or one point per row), by inverting every layer",
                a -> {
                    FlowValue q = (FlowValue) a.receiver();
                    return FlowOps.logProb(q.flow, a.get("z"));
                });
        r.method(
                "flow",
                "entropy(n = 10000)",
                "Monte Carlo estimate of the entropy -E[log q(z)] (nats) from n samples",
                a -> {
                    FlowValue q = (FlowValue) a.receiver();
                    return FlowOps.entropy(q.flow, positive(a, "n"), a.context().rng());
                });
        r.method(
                "flow",
                "fit(target, iterations = 2000, lr = 0.01, batch = 500)",
                "fit the flow with Adam, to a gaussian(...) target (truncated to the support) by minimising KL(q || target), "
                        + "or to samples (an n x dim matrix) by maximum likelihood; returns the flow",
                a -> {
                    FlowValue q = (FlowValue) a.receiver();
                    TrainingOptions o = TrainingOptions.read(a);
                    if (a.get("target") instanceof Gaussian g) {
                        FlowOps.fit(
                                q,
                                g,
                                o.iterations(),
                                o.lr(),
                                o.batch(),
                                a.context().rng());
                    } else if (a.get("target") instanceof Tensor data
                            && data.rank() == 2
                            && data.shape()[1] == q.flow.dim
                            && data.shape()[0] > 0
                            && !data.isComplex()) {
                        FlowOps.fitSamples(
                                q,
                                data.realData().clone(),
                                data.shape()[0],
                                o.iterations(),
                                o.lr(),
                                o.batch(),
                                a.context().rng());
                    } else {
                        throw a.error("target must be a gaussian(mean:, std:) value or samples: an (n x " + q.flow.dim
                                + ") matrix");
                    }
                    return q;
                });
        r.method("flow", "save(path)", "write architecture and parameters as JSON; returns the path", a -> {
            FlowValue q = (FlowValue) a.receiver();
            OutputFiles.writeText(a, a.str("path"), FlowJson.toJson(q.flow), "the flow");
            return a.str("path");
        });
        r.method(
                "flow",
                "load(path)",
                "take parameters from a file saved from a flow of the same architecture; returns the flow",
                a -> {
                    FlowValue q = (FlowValue) a.receiver();
                    Flow saved =
                            FlowJson.fromJson(OutputFiles.readText(a, a.str("path"), "the flow file"), a.str("path"));
                    FlowOps.adopt(q.flow, saved);
                    return q;
                });
        r.method(
                "flow",
                "pairplot(n = 1000, to = nil, names = nil, title = nil)",
                "pair plot of n samples (histograms and pairwise "
                        + "scatter plots), saved to 'to' (PNG or SVG); returns the file",
                a -> {
                    FlowValue q = (FlowValue) a.receiver();
                    if (!OutputFiles.figureWanted(a.strOrNull("to")))
                        throw a.error("say where to save the plot: to: \"out/q.png\"");
                    Tensor z = (Tensor)
                            FlowOps.sample(q.flow, positive(a, "n"), a.context().rng())
                                    .get("z");
                    int d = q.flow.dim;
                    String[] names = new String[d];
                    for (int j = 0; j < d; j++)
                        names[j] = a.given("names") && j < a.list("names").size()
                                ? Printer.show(a.list("names").get(j))
                                : "z" + (j + 1);
                    double[][] rows = Numbers.matrix(z, "pairplot: samples");
                    OutputFiles.saveOrShow(
                            a,
                            Charts.pairplot(
                                    rows,
                                    names,
                                    PlotSpec.defaults()
                                            .withTitle(
                                                    a.given("title")
                                                            ? a.str("title")
                                                            : q.flow.name + ", " + rows.length + " samples")),
                            a.strOrNull("to"),
                            "plot");
                    return a.given("to") ? a.str("to") : Nil.INSTANCE;
                });
        r.method(
                "flow",
                "copy()",
                "an independent copy (same architecture and parameters)",
                a -> new FlowValue(FlowJson.copy(((FlowValue) a.receiver()).flow, "copy")));
    }

    private static int positive(Args a, String parameter) {
        int n = a.integer(parameter);
        if (n < 1) throw a.error("'" + parameter + "' must be at least 1");
        return n;
    }

    /** A number or a list of numbers. */
    private static double[] numbers(Object v, String what) {
        return v instanceof Double d ? new double[] {d} : Numbers.vector(v, what);
    }

    private static double[] bound(Args a, String parameter, int d) {
        double[] v = numbers(a.get(parameter), a.name() + ": " + parameter);
        if (v.length == d) return v;
        if (v.length != 1) throw a.error("'" + parameter + "' must be one number or " + d);
        double[] out = new double[d];
        Arrays.fill(out, v[0]);
        return out;
    }
}
