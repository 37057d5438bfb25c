package soma.epi;

import java.util.ArrayList;
import java.util.List;
import soma.runtime.HasFields;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.runtime.SomaFunction;
import soma.runtime.SomaList;
import soma.runtime.SomaValue;
import soma.runtime.TensorHooks;
import soma.tensor.Tensor;

/**
 * A {@code constraint} declaration: a function of a model's output (a batched simulation, or
 * whatever a function model returns for a batch of parameters) computing, per sample, the
 * expression of each moment line, plus the lines themselves. This turns it into T(x) and mu.
 */
public final class ConstraintValue implements SomaValue, HasFields {
    public final String name;
    /** Returns a list: the n-vector of each line's expression, then each line's target value. */
    private final SomaFunction body;

    public final List<Moment> moments;
    /** The fields the body reads from its argument (sim.V ...), or null if it uses the argument whole. */
    public final List<String> fieldsRead;

    public ConstraintValue(String name, SomaFunction body, List<Moment> moments, List<String> fieldsRead) {
        this.name = name;
        this.body = body;
        this.moments = moments;
        this.fieldsRead = fieldsRead;
    }

    public int count() {
        return moments.size();
    }

    /** The statistics and targets for one batch of n outputs. */
    public record Values(double[] t, double[] mu) {}

    /** T (n x m, row-major) for an output of n samples, and mu. */
    public Values evaluate(Object output, int n) {
        Object result = body.call(output);
        if (!(result instanceof SomaList list) || list.size() != 2 * moments.size()) {
            throw new SomaError(name + ": internal error: the constraint's body returned " + Printer.typeName(result));
        }
        int m = moments.size();
        double[] t = new double[n * m], values = new double[m], mu = new double[m];
        double[][] e = new double[m][];
        for (int i = 0; i < m; i++) {
            e[i] = vector(list.get(i), n, moments.get(i).text());
            Object v = list.get(m + i);
            if (!(v instanceof Double d))
                throw new SomaError(name + ": the target of '" + moments.get(i).text() + "' must be a number");
            values[i] = d;
        }
        for (int i = 0; i < m; i++) {
            Moment mo = moments.get(i);
            double mean = mo.meanLine() >= 0 ? values[mo.meanLine()] : 0;
            mu[i] = mo.target(values[i]);
            for (int s = 0; s < n; s++) t[s * m + i] = mo.statistic(e[i][s], mean);
        }
        return new Values(t, mu);
    }

    private double[] vector(Object v, int n, String line) {
        Tensor t = TensorHooks.toTensor(v, name + ": " + line);
        if (t.size() != n || t.imagData() != null && !allZero(t.imagData())) {
            throw new SomaError(name + ": '" + line + "' must give one real number per sample (" + n + "), got shape "
                    + t.shapeString() + (t.imagData() != null ? " (complex: take .re or .im)" : ""));
        }
        return t.realData();
    }

    private static boolean allZero(double[] v) {
        for (double x : v) if (x != 0) return false;
        return true;
    }

    @Override
    public String show() {
        List<String> lines = new ArrayList<>();
        for (Moment m : moments) lines.add(m.text());
        return "constraint " + name + " { " + String.join("; ", lines) + " }";
    }

    @Override
    public String typeName() {
        return "constraint";
    }

    @Override
    public Object field(String field) {
        return switch (field) {
            case "name" -> name;
            case "lines" -> {
                List<Object> l = new ArrayList<>();
                for (Moment m : moments) l.add(m.text());
                yield new SomaList(l);
            }
            default -> null;
        };
    }

    @Override
    public List<String> fieldNames() {
        return List.of("name", "lines");
    }
}
