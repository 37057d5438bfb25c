package soma.builtins;

import java.util.ArrayList;
import java.util.List;
import soma.display.Display;
import soma.plot.BraillePreview;
import soma.plot.Charts;
import soma.plot.Figure;
import soma.plot.PlotSpec;
import soma.plot.PointOverlay;
import soma.runtime.Nil;
import soma.runtime.Printer;
import soma.runtime.SomaList;
import soma.runtime.SomaRecord;

/**
 * Charts: saved as PNG or SVG when {@code to:} names a file, and previewed as text (braille) when
 * the output is a terminal, so the shape is visible without leaving it.
 */
final class PlotBuiltins {
    private PlotBuiltins() {}

    private static final String OPTIONS = "to = nil, title = \"\", xlabel = \"\", ylabel = \"\", labels = nil, preview = nil";

    static void register(Builtins r) {
        r.def("plot(x, y, " + OPTIONS + ")", "line plot of y (or of several series) against x", a -> {
            double[] x = Numbers.vector(a.get(0), "plot: x");
            List<double[]> ys = Numbers.series(a.get(1), "plot: y");
            for (double[] y : ys) {
                if (y.length != x.length) throw a.error("x has " + x.length + " points but a series has " + y.length);
            }
            PlotSpec spec = spec(a, 2);
            return finish(a, 2, Charts.line(x, ys, spec), () -> BraillePreview.line(x, ys, spec));
        });
        r.def("scatter(x, y, " + OPTIONS + ")", "scatter plot; x and y may be lists of point sets", a -> {
            List<double[]> xs = Numbers.series(a.get(0), "scatter: x");
            List<double[]> ys = Numbers.series(a.get(1), "scatter: y");
            if (xs.size() != ys.size()) throw a.error("x has " + xs.size() + " point sets but y has " + ys.size());
            PlotSpec spec = spec(a, 2);
            return finish(a, 2, Charts.scatter(xs, ys, spec), () -> BraillePreview.scatter(xs, ys, spec));
        });
        r.def("hist(data, bins = 30, " + OPTIONS + ")", "histogram of data", a -> {
            double[] data = Numbers.vector(a.get(0), "hist: data");
            int bins = a.integer(1);
            PlotSpec spec = spec(a, 3);
            return finish(a, 3, Charts.histogram(data, bins, spec), () -> BraillePreview.histogram(data, bins, spec));
        });
        r.def("hist2d(x, y, bins = 40, " + OPTIONS + ")", "2-D histogram (density of points) of x against y", a -> {
            double[] x = Numbers.vector(a.get(0), "hist2d: x");
            double[] y = Numbers.vector(a.get(1), "hist2d: y");
            if (x.length != y.length) throw a.error("x has " + x.length + " points but y has " + y.length);
            int bins = a.integer(2);
            PlotSpec spec = spec(a, 3);
            return finish(a, 3, Charts.hist2d(x, y, bins, spec), () -> BraillePreview.scatter(List.of(x), List.of(y), spec));
        });
        r.def("pairplot(samples, names = nil, " + OPTIONS + ")", "histograms and pairwise scatter plots of the columns of an (n x d) sample matrix", a -> {
            double[][] rows = Numbers.matrix(a.get(0), "pairplot: samples");
            int d = rows.length == 0 ? 0 : rows[0].length;
            String[] names = new String[d];
            for (int j = 0; j < d; j++) names[j] = "z" + (j + 1);
            if (a.given(1)) {
                List<Object> given = a.list(1).items;
                if (given.size() != d) throw a.error("samples have " + d + " columns but " + given.size() + " names were given");
                for (int j = 0; j < d; j++) names[j] = Printer.show(given.get(j));
            }
            PlotSpec spec = spec(a, 2);
            double[][] columns = new double[d][rows.length];
            for (int i = 0; i < rows.length; i++) for (int j = 0; j < d; j++) columns[j][i] = rows[i][j];
            return finish(a, 2, Charts.pairplot(rows, names, spec), () -> d >= 2
                    ? BraillePreview.scatter(List.of(columns[0]), List.of(columns[1]), spec)
                    : BraillePreview.histogram(columns[0], 30, spec));
        });
        r.def("heatmap(z, x = nil, y = nil, " + OPTIONS + ", region = nil, points = nil)",
                "heat map of z[i][j] at (x[j], y[i]); region: [lo, hi] outlines the cells in range; points: an (n x 2) matrix drawn on top", a -> {
            double[][] z = Numbers.matrix(a.get(0), "heatmap: z");
            double[] x = a.given(1) ? Numbers.vector(a.get(1), "heatmap: x") : null;
            double[] y = a.given(2) ? Numbers.vector(a.get(2), "heatmap: y") : null;
            boolean[][] mask = region(a, 9, z);
            PlotSpec spec = spec(a, 3).withRegionLabel(mask == null ? null : "value in " + Printer.show(a.get(9)));
            return finish(a, 3, Charts.heatmap(z, x, y, mask, points(a, 10), spec), () -> BraillePreview.heatmap(z, x, y, mask, spec));
        });
    }

    /** The cells of z inside the range [lo, hi] given as parameter {@code i}, or null when it is not given. */
    static boolean[][] region(Args a, int i, double[][] z) {
        if (!a.given(i)) return null;
        double[] range = Numbers.vector(a.get(i), "region");
        if (range.length != 2 || !(range[0] <= range[1])) throw a.error("region must be [lo, hi] with lo <= hi");
        boolean[][] in = new boolean[z.length][];
        for (int r = 0; r < z.length; r++) {
            in[r] = new boolean[z[r].length];
            for (int c = 0; c < z[r].length; c++) in[r][c] = z[r][c] >= range[0] && z[r][c] <= range[1];
        }
        return in;
    }

    /** Parameter {@code i} as points to draw over a map (an n x 2 matrix), or null when it is not given. */
    static PointOverlay points(Args a, int i) {
        if (!a.given(i)) return null;
        try {
            return PointOverlay.ofRows(Numbers.matrix(a.get(i), "points"));
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    /** The common options start at parameter {@code i}: to, title, xlabel, ylabel, labels, preview. */
    private static PlotSpec spec(Args a, int i) {
        PlotSpec spec = PlotSpec.defaults().withTitle(a.str(i + 1)).withXLabel(a.str(i + 2)).withYLabel(a.str(i + 3));
        if (a.given(i + 4)) {
            List<String> labels = new ArrayList<>();
            for (Object o : ((SomaList) a.list(i + 4)).items) labels.add(Printer.show(o));
            spec = spec.withLabels(labels);
        }
        return spec;
    }

    private static Object finish(Args a, int i, Figure figure, java.util.function.Supplier<String> preview) {
        SomaRecord result = new SomaRecord();
        if (a.given(i)) {
            OutputFiles.save(a, figure, a.str(i), "plot");
            result.put("file", a.str(i));
        }
        // in a notebook the plot appears inline (also when saved, as matplotlib's savefig does); preview: false hides it
        boolean inline = !(a.given(i + 5) && !a.bool(i + 5)) && Display.figure(figure);
        boolean show = a.given(i + 5) ? a.bool(i + 5) : !inline && System.console() != null && System.console().isTerminal();
        if (show) {
            a.context().out().println(preview.get());
            a.context().out().flush();
        }
        return a.given(i) ? result.get("file") : Nil.INSTANCE;
    }
}
