package soma.numerics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import soma.runtime.HasFields;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.runtime.SomaList;
import soma.runtime.SomaValue;
import soma.tensor.Tensor;

/**
 * The result of {@code simulate}: the time points and one series per recorded variable
 * ({@code run.t}, {@code run.v}; a vector state gives a (time x n) matrix). A batch adds a
 * leading sample axis: (samples x time) or (samples x time x n).
 */
public final class Trajectory implements SomaValue, HasFields {
    public final Tensor t;
    public final Map<String, Tensor> series;
    /** Number of samples of a batch, or 0 for a single run. */
    public final int samples;

    public final String model;
    public final String method;
    /** Steps taken, summed over samples (attempted steps for adaptive methods). */
    public final long steps;

    Trajectory(Tensor t, LinkedHashMap<String, Tensor> series, int samples, String model, String method, long steps) {
        this.steps = steps;
        this.t = t;
        this.series = series;
        this.samples = samples;
        this.model = model;
        this.method = method;
    }

    /** The same run with other series (perturbed copies for directional derivatives of statistics). */
    public Trajectory withSeries(LinkedHashMap<String, Tensor> replaced) {
        return new Trajectory(t, replaced, samples, model, method, steps);
    }

    @Override
    public String show() {
        int n = t.size();
        String span = n == 0
                ? "empty"
                : "t = " + Printer.number(t.get(0)) + " .. " + Printer.number(t.get(n - 1)) + ", " + n + " points";
        String batch = samples > 0 ? ", " + samples + " samples" : "";
        return "trajectory of " + model + " (" + method + ", " + span + batch + "; "
                + String.join(", ", series.keySet()) + ")";
    }

    @Override
    public String typeName() {
        return "trajectory";
    }

    @Override
    public Object field(String name) {
        return switch (name) {
            case "t" -> t;
            case "names" -> new SomaList(new ArrayList<>(series.keySet()));
            case "samples" -> (double) samples;
            case "steps" -> (double) steps;
            default -> series.get(name);
        };
    }

    @Override
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>(List.of("t", "names", "samples", "steps"));
        names.addAll(series.keySet());
        return names;
    }

    /** Columns t, then each variable (x0, x1, ... for vectors): for CSV files of a single run. */
    public Tensor table(List<String> header) {
        if (samples > 0) throw new SomaError("save one sample of a batch at a time (a batch has a sample axis)");
        int rows = t.size();
        List<double[]> columns = new ArrayList<>();
        header.add("t");
        columns.add(t.realData());
        for (var e : series.entrySet()) {
            Tensor s = e.getValue();
            if (s.rank() == 1) {
                header.add(e.getKey());
                columns.add(s.realData());
            } else {
                int n = s.shape()[1];
                for (int j = 0; j < n; j++) {
                    double[] col = new double[rows];
                    for (int r = 0; r < rows; r++) col[r] = s.realData()[r * n + j];
                    header.add(e.getKey() + j);
                    columns.add(col);
                }
            }
        }
        double[] data = new double[rows * columns.size()];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns.size(); c++) data[r * columns.size() + c] = columns.get(c)[r];
        return new Tensor(new int[] {rows, columns.size()}, data);
    }
}
