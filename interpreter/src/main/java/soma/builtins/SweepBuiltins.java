package soma.builtins;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import soma.builtins.options.SimulationOptions;
import soma.dist.Distribution;
import soma.dist.Wire;
import soma.model.ModelInstance;
import soma.numerics.Simulator;
import soma.numerics.Trajectory;
import soma.numerics.batch.BatchSimulator;
import soma.plot.Charts;
import soma.plot.PlotSpec;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.runtime.SomaFunction;
import soma.runtime.SomaRecord;
import soma.runtime.TensorHooks;
import soma.tensor.Tensor;

/**
 * sweep(): a statistic of simulations over a grid of one or two parameters, run as one batch on
 * all cores, returned as a table and drawn as a heat map (or a line for one parameter).
 */
final class SweepBuiltins {
    private SweepBuiltins() {}

    static void register(Builtins r) {
        r.def(
                "sweep(model, over, statistic, t = nil, steps = nil, dt = 0.025, method = \"euler\", record = nil, every = 1, "
                        + "threads = nil, to = nil, csv = nil, region = nil, title = \"\", points = nil)",
                "simulate a model over a grid of parameter values (over: {p: values, q: values}) as one batch and apply "
                        + "statistic(run) (run has a leading sample axis; return one value per sample); returns {p, q, values} and "
                        + "draws a heat map to to: (region: [lo, hi] outlines the cells in range; points: an (n x 2) matrix, e.g. "
                        + "parameter samples, drawn over the map); csv: saves p, q, value rows",
                SweepBuiltins::sweep);
    }

    private static Object sweep(Args a) {
        ModelInstance model = a.model("model");
        SomaRecord over = a.record("over");
        List<String> names = new ArrayList<>(over.fields.keySet());
        if (names.isEmpty() || names.size() > 2)
            throw a.error("over: names one or two parameters, got " + names.size());
        double[] xs = axis(a, over, names.get(0));
        double[] ys = names.size() == 2 ? axis(a, over, names.get(1)) : new double[] {0};
        int nx = xs.length;
        int ny = ys.length;
        double[][] batch = new double[nx * ny][names.size()];
        for (int i = 0; i < ny; i++) {
            for (int j = 0; j < nx; j++) {
                batch[i * nx + j][0] = xs[j];
                if (names.size() == 2) batch[i * nx + j][1] = ys[i];
            }
        }
        SimulationOptions sim = SimulationOptions.read(a);
        SomaFunction statistic = a.function("statistic");
        int n = nx * ny;
        Distribution dist = a.context().dist();
        int parts = dist.sweepPartitions(n);
        // Contiguous slices of the flattened grid, each one compiled batch; a per-sample statistic
        // gives the same values on a slice as on the whole grid, so the parts concatenate to the
        // one-batch result bit for bit.
        List<byte[]> results = dist.run("sweep", parts, p -> {
            int from = (int) ((long) n * p / parts), to = (int) ((long) n * (p + 1) / parts);
            try {
                double[][] part = Arrays.copyOfRange(batch, from, to);
                // a slice runs on the path the whole grid would take, so the parts equal the whole bit for bit
                return Wire.encode(
                        n >= BatchSimulator.MIN_SAMPLES
                                ? BatchSimulator.atAnySize(() -> slice(a, model, sim, names, part, statistic))
                                : slice(a, model, sim, names, part, statistic));
            } catch (SomaError | AbstractTruffleException e) {
                if (parts == 1) throw e;
                throw new SomaError("in sweep partition " + (p + 1) + " of " + parts + " (samples " + from + " to "
                        + (to - 1) + "): " + Wire.located(e));
            }
        });
        double[] all = new double[n];
        int at = 0;
        for (byte[] r : results) {
            Object v = Wire.decode(r, name -> null);
            if (v instanceof Wire.Failure f) throw a.error(f.message());
            double[] part = ((Tensor) v).realData();
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        Tensor values = new Tensor(new int[] {n}, all);
        Tensor grid = names.size() == 2 ? values.reshape(ny, nx) : values;
        SomaRecord out = new SomaRecord();
        out.put(names.get(0), new Tensor(new int[] {nx}, xs.clone()));
        if (names.size() == 2) out.put(names.get(1), new Tensor(new int[] {ny}, ys.clone()));
        out.put("values", grid);
        if (a.given("csv")) saveCsv(a, names, xs, ys, values.realData());
        if (OutputFiles.figureWanted(a.strOrNull("to"))) draw(a, names, xs, ys, grid);
        return out;
    }

    /** The statistic's values (one per sample) on one slice of the grid, run as one batch. */
    private static Tensor slice(
            Args a,
            ModelInstance model,
            SimulationOptions sim,
            List<String> names,
            double[][] batch,
            SomaFunction statistic) {
        Trajectory run =
                Simulator.simulate(model, sim.toSimulator(0, sim.record(), names, batch, null, List.of()), a.context());
        Tensor values = TensorHooks.toTensor(a.call(statistic, run), "sweep: the statistic's result")
                .flatten();
        if (values.size() != batch.length) {
            throw a.error("the statistic must return one value per sample (" + batch.length + "), got " + values.size()
                    + " (it receives the whole batch: index the sample axis first, e.g. run.V[:, :, 2])");
        }
        return new Tensor(new int[] {batch.length}, values.realData().clone());
    }

    /** The values of one swept parameter: at least one. */
    private static double[] axis(Args a, SomaRecord over, String name) {
        double[] v =
                TensorHooks.toTensor(over.get(name), "over." + name).flatten().realData();
        if (v.length == 0) throw a.error("over." + name + " has no values to sweep");
        return v;
    }

    private static void saveCsv(Args a, List<String> names, double[] xs, double[] ys, double[] v) {
        int cols = names.size() + 1;
        double[] rows = new double[v.length * cols];
        for (int k = 0; k < v.length; k++) {
            rows[k * cols] = xs[k % xs.length];
            if (names.size() == 2) rows[k * cols + 1] = ys[k / xs.length];
            rows[k * cols + cols - 1] = v[k];
        }
        List<String> header = new ArrayList<>(names);
        header.add("value");
        OutputFiles.saveCsv(a, a.str("csv"), new Tensor(new int[] {v.length, cols}, rows), header);
    }

    private static void draw(Args a, List<String> names, double[] xs, double[] ys, Tensor grid) {
        PlotBuiltins.increasing(a, "over." + names.get(0), xs);
        if (names.size() == 2) PlotBuiltins.increasing(a, "over." + names.get(1), ys);
        PlotSpec spec = PlotSpec.defaults().withTitle(a.str("title")).withXLabel(names.get(0));
        if (names.size() == 1) {
            OutputFiles.saveOrShow(
                    a,
                    Charts.line(xs, grid.realData(), spec.withYLabel("statistic")),
                    a.strOrNull("to"),
                    "the sweep's plot");
            return;
        }
        double[][] z = matrix(grid);
        var figure = Charts.heatmap(
                z,
                xs,
                ys,
                PlotBuiltins.region(a, "region", z),
                PlotBuiltins.points(a, "points"),
                spec.withYLabel(names.get(1))
                        .withRegionLabel(a.given("region") ? "statistic in " + Printer.show(a.get("region")) : null));
        OutputFiles.saveOrShow(a, figure, a.strOrNull("to"), "the sweep's plot");
    }

    private static double[][] matrix(Tensor grid) {
        int ny = grid.shape()[0];
        int nx = grid.shape()[1];
        double[][] z = new double[ny][nx];
        for (int i = 0; i < ny; i++) System.arraycopy(grid.realData(), i * nx, z[i], 0, nx);
        return z;
    }
}
