package soma.analysis;

import java.util.ArrayList;
import java.util.List;
import soma.model.diff.JacobianBuilder;
import soma.plot.PhasePortraitChart.Polyline;

/**
 * The geometry of a 2-D phase plane: a normalised direction field on a coarse grid, and the
 * nullclines (zero sets of each rate) by marching squares on a fine grid.
 */
public final class PhasePlane {
    private PhasePlane() {}

    /** Short arrows (shaft and two head strokes) of equal length, showing direction only. */
    public static Polyline field(JacobianBuilder.Prepared f, double[] xr, double[] yr, int n) {
        List<double[]> pts = new ArrayList<>();
        double xs = xr[1] - xr[0];
        double ys = yr[1] - yr[0];
        double len = 0.6 / n; // as a fraction of each axis, so arrows look equally long on screen
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = xr[0] + (i + 0.5) * xs / n;
                double y = yr[0] + (j + 0.5) * ys / n;
                double[] r = f.rates(new double[] {x, y}, 0);
                double ux = r[0] / xs;
                double uy = r[1] / ys;
                double norm = Math.hypot(ux, uy);
                if (!(norm > 0)) continue;
                double ex = x + len * ux / norm * xs;
                double ey = y + len * uy / norm * ys;
                // arrow head: two strokes back from the tip, at +-30 degrees in screen coordinates
                double bx = -(ex - x) / xs * 0.35;
                double by = -(ey - y) / ys * 0.35;
                pts.add(new double[] {x, y});
                pts.add(new double[] {ex, ey});
                pts.add(new double[] {ex + (bx * 0.87 - by * 0.5) * xs, ey + (bx * 0.5 + by * 0.87) * ys});
                pts.add(new double[] {Double.NaN, Double.NaN});
                pts.add(new double[] {ex, ey});
                pts.add(new double[] {ex + (bx * 0.87 + by * 0.5) * xs, ey + (-bx * 0.5 + by * 0.87) * ys});
                pts.add(new double[] {Double.NaN, Double.NaN});
            }
        }
        return polyline("direction field", pts);
    }

    /** The curve where rate k vanishes, as segments from marching squares on an n x n grid. */
    public static Polyline nullcline(JacobianBuilder.Prepared f, int k, String name, double[] xr, double[] yr, int n) {
        double[][] v = new double[n + 1][n + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) v[i][j] = f.rates(new double[] {x(xr, n, i), x(yr, n, j)}, 0)[k];
        }
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[][] corners = {
                    {x(xr, n, i), x(yr, n, j), v[i][j]},
                    {x(xr, n, i + 1), x(yr, n, j), v[i + 1][j]},
                    {x(xr, n, i + 1), x(yr, n, j + 1), v[i + 1][j + 1]},
                    {x(xr, n, i), x(yr, n, j + 1), v[i][j + 1]}
                };
                List<double[]> crossings = new ArrayList<>();
                for (int e = 0; e < 4; e++) {
                    double[] a = corners[e];
                    double[] b = corners[(e + 1) % 4];
                    if ((a[2] < 0) != (b[2] < 0) && Double.isFinite(a[2]) && Double.isFinite(b[2])) {
                        double t = a[2] / (a[2] - b[2]);
                        crossings.add(new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])});
                    }
                }
                for (int c = 0; c + 1 < crossings.size(); c += 2) {
                    pts.add(crossings.get(c));
                    pts.add(crossings.get(c + 1));
                    pts.add(new double[] {Double.NaN, Double.NaN});
                }
            }
        }
        return polyline(name, pts);
    }

    private static double x(double[] range, int n, int i) {
        return range[0] + i * (range[1] - range[0]) / n;
    }

    /** NaN y marks a break; XChart needs a finite x there, so the previous x is repeated. */
    static Polyline polyline(String name, List<double[]> pts) {
        double[] xs = new double[pts.size()];
        double[] ys = new double[pts.size()];
        double lastX = 0;
        for (int i = 0; i < pts.size(); i++) {
            double[] p = pts.get(i);
            lastX = Double.isNaN(p[0]) ? lastX : p[0];
            xs[i] = lastX;
            ys[i] = p[1];
        }
        return new Polyline(name, xs, ys);
    }
}
