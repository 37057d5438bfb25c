package soma.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Makes XChart choose round-number ticks.
 *
 * <p>When all x (or y) values of a chart are equally spaced, XChart 3.8.8 places ticks only at
 * data values and prints them in full, e.g. "1.5260767676767676" for linspace(0.1234, 5.678) or
 * histogram bin edges. Adding one invisible series whose three points are unevenly spaced inside
 * the data range switches it back to its normal 1-2-5 tick search, without changing the axis
 * range, the legend or the series colours (it is added last and hidden from the legend).
 */
final class TickHint {
    private TickHint() {}

    static void add(XYChart chart, double[] xRange, double[] yRange, boolean logX, boolean logY) {
        XYSeries s = chart.addSeries(
                "__soma_tick_hint__", // never shown; a name no user label is likely to take
                points(xRange, logX, 0.37),
                points(yRange, logY, 0.61));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /** Both ends of the range and one point at {@code frac} of the way, in log space on a log axis. */
    private static double[] points(double[] r, boolean log, double frac) {
        double mid =
                log ? Math.exp(Math.log(r[0]) + frac * (Math.log(r[1]) - Math.log(r[0]))) : r[0] + frac * (r[1] - r[0]);
        return new double[] {r[0], mid, r[1]};
    }
}
