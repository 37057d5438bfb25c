package soma.builtins;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import soma.display.Display;
import soma.plot.BraillePreview;
import soma.plot.Charts;
import soma.plot.Figure;
import soma.plot.PlotSpec;
import soma.plot.PointOverlay;
import soma.runtime.Nil;
import soma.runtime.Printer;
import soma.runtime.SomaRecord;

/**
 * Charts: saved as PNG or SVG when {@code to:} names a file, and previewed as text (braille) when
 * the output is a terminal, so the shape is visible without leaving it.
 */
final class PlotBuiltins {
    private PlotBuiltins() {}

    private static final String OPTIONS =
            "to = nil, title = \"\", xlabel = \"\", ylabel = \"\", labels = nil, preview = nil";

    static void register(Builtins r) {
        r.def("plot(x, y, " + OPTIONS + ")", "line plot of y (or of several series) against x", a -> {
            double[] x = Numbers.vector(a.get("x"), "plot: x");
            List<double[]> ys = Numbers.series(a.get("y"), "plot: y");
            for (double[] y : ys) {
                if (y.length != x.length) throw a.error("x has " + x.length + " points but a series has " + y.length);
            }
            PlotSpec spec = spec(a);
            return finish(a, () -> Charts.line(x, ys, spec), () -> BraillePreview.line(x, ys, spec));
        });
        r.def("scatter(x, y, " + OPTIONS + ")", "scatter plot; x and y may be lists of point sets", a -> {
            List<double[]> xs = Numbers.series(a.get("x"), "scatter: x");
            List<double[]> ys = Numbers.series(a.get("y"), "scatter: y");
            if (xs.size() != ys.size()) throw a.error("x has " + xs.size() + " point sets but y has " + ys.size());
            PlotSpec spec = spec(a);
            return finish(a, () -> Charts.scatter(xs, ys, spec), () -> BraillePreview.scatter(xs, ys, spec));
        });
        r.def("hist(data, bins = 30, " + OPTIONS + ")", "histogram of data", a -> {
            double[] data = Numbers.vector(a.get("data"), "hist: data");
            int bins = a.atLeast("bins", 1);
            PlotSpec spec = spec(a);
            return finish(
                    a, () -> Charts.histogram(data, bins, spec), () -> BraillePreview.histogram(data, bins, spec));
        });
        r.def("hist2d(x, y, bins = 40, " + OPTIONS + ")", "2-D histogram (density of points) of x against y", a -> {
            double[] x = Numbers.vector(a.get("x"), "hist2d: x");
            double[] y = Numbers.vector(a.get("y"), "hist2d: y");
            if (x.length != y.length) throw a.error("x has " + x.length + " points but y has " + y.length);
            int bins = a.atLeast("bins", 1);
            PlotSpec spec = spec(a);
            return finish(
                    a,
                    () -> Charts.hist2d(x, y, bins, spec),
                    () -> BraillePreview.scatter(List.of(x), List.of(y), spec));
        });
        r.def(
                "pairplot(samples, names = nil, " + OPTIONS + ")",
                "histograms and pairwise scatter plots of the columns of an (n x d) sample matrix",
                a -> {
                    double[][] rows = Numbers.matrix(a.get("samples"), "pairplot: samples");
                    int d = rows.length == 0 ? 0 : rows[0].length;
                    String[] names = new String[d];
                    for (int j = 0; j < d; j++) names[j] = "z" + (j + 1);
                    if (a.given("names")) {
                        List<Object> given = a.list("names").items;
                        if (given.size() != d)
                            throw a.error("samples have " + d + " columns but " + given.size() + " names were given");
                        for (int j = 0; j < d; j++) names[j] = Printer.show(given.get(j));
                    }
                    PlotSpec spec = spec(a);
                    double[][] columns = new double[d][rows.length];
                    for (int i = 0; i < rows.length; i++) for (int j = 0; j < d; j++) columns[j][i] = rows[i][j];
                    return finish(
                            a,
                            () -> Charts.pairplot(rows, names, spec),
                            () -> d >= 2
                                    ? BraillePreview.scatter(List.of(columns[0]), List.of(columns[1]), spec)
                                    : BraillePreview.histogram(columns[0], 30, spec));
                });
        r.def(
                "heatmap(z, x = nil, y = nil, " + OPTIONS + ", region = nil, points = nil)",
                "heat map of z[i][j] at (x[j], y[i]); region: [lo, hi] outlines the cells in range; points: an (n x 2) matrix drawn on top",
                a -> {
                    double[][] z = Numbers.matrix(a.get("z"), "heatmap: z");
                    double[] x = a.given("x") ? increasing(a, "x", Numbers.vector(a.get("x"), "heatmap: x")) : null;
                    double[] y = a.given("y") ? increasing(a, "y", Numbers.vector(a.get("y"), "heatmap: y")) : null;
                    boolean[][] mask = region(a, "region", z);
                    PlotSpec spec =
                            spec(a).withRegionLabel(mask == null ? null : "value in " + Printer.show(a.get("region")));
                    PointOverlay points = points(a, "points");
                    return finish(
                            a,
                            () -> Charts.heatmap(z, x, y, mask, points, spec),
                            () -> BraillePreview.heatmap(z, x, y, mask, spec));
                });
    }

    /** The values of a map's axis, checked to increase (the chart places cells between neighbouring values). */
    static double[] increasing(Args a, String what, double[] v) {
        for (int i = 1; i < v.length; i++) {
            if (!(v[i] > v[i - 1])) {
                throw a.error(what + " must be increasing, but value " + i + " (" + Printer.number(v[i])
                        + ") does not exceed the one before (" + Printer.number(v[i - 1]) + ")");
            }
        }
        return v;
    }

    /** The cells of z inside the range [lo, hi] given as {@code parameter}, or null when it is not given. */
    static boolean[][] region(Args a, String parameter, double[][] z) {
        if (!a.given(parameter)) return null;
        double[] range = Numbers.vector(a.get(parameter), "region");
        if (range.length != 2 || !(range[0] <= range[1])) throw a.error("region must be [lo, hi] with lo <= hi");
        boolean[][] in = new boolean[z.length][];
        for (int r = 0; r < z.length; r++) {
            in[r] = new boolean[z[r].length];
            for (int c = 0; c < z[r].length; c++) in[r][c] = z[r][c] >= range[0] && z[r][c] <= range[1];
        }
        return in;
    }

    /** {@code parameter} as points to draw over a map (an n x 2 matrix), or null when it is not given. */
    static PointOverlay points(Args a, String parameter) {
        if (!a.given(parameter)) return null;
        try {
            return PointOverlay.ofRows(Numbers.matrix(a.get(parameter), "points"));
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    /** The common options (see {@link #OPTIONS}): title, xlabel, ylabel, labels. */
    private static PlotSpec spec(Args a) {
        PlotSpec spec = PlotSpec.defaults()
                .withTitle(a.str("title"))
                .withXLabel(a.str("xlabel"))
                .withYLabel(a.str("ylabel"));
        if (a.given("labels")) {
            List<String> labels = new ArrayList<>();
            for (Object o : a.list("labels").items) labels.add(Printer.show(o));
            spec = spec.withLabels(labels);
        }
        return spec;
    }

    /**
     * Builds the figure (the charts refuse empty or inconsistent data with an IllegalArgumentException
     * whose message is meant for the user), saves it to to: and previews it; the common options
     * to: and preview: are read here.
     */
    private static Object finish(Args a, Supplier<Figure> chart, Supplier<String> preview) {
        Figure figure;
        try {
            figure = chart.get();
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
        SomaRecord result = new SomaRecord();
        if (a.given("to")) {
            OutputFiles.save(a, figure, a.str("to"), "plot");
            result.put("file", a.str("to"));
        }
        // in a notebook the plot appears inline (also when saved, as matplotlib's savefig does); preview: false hides
        // it
        boolean inline = !(a.given("preview") && !a.bool("preview")) && Display.figure(figure);
        boolean show = a.given("preview")
                ? a.bool("preview")
                : !inline && System.console() != null && System.console().isTerminal();
        if (show) {
            a.context().out().println(preview.get());
            a.context().out().flush();
        }
        return a.given("to") ? result.get("file") : Nil.INSTANCE;
    }
}
