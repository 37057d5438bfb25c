package soma.plot;

/**
 * Equal-width histogram bins, shared by the histogram chart, hist2d, the pair plot diagonal and
 * the text preview so that all of them count the same data the same way.
 *
 * <p>Conventions follow numpy.histogram: bins are half-open [lo, hi) except the last, which also
 * takes values equal to its upper edge; values outside an explicit range are ignored; when every
 * value is the same the range is widened to value ± 0.5 so there is still something to draw.
 *
 * @param edges bin edges, {@code counts.length + 1} of them
 * @param counts number of values per bin
 * @param skipped non-finite values that were left out
 */
record Binning(double[] edges, double[] counts, int skipped) {

    static Binning of(double[] data, int bins, Double lo, Double hi) {
        Data.nonEmpty(data, "histogram data");
        checkBins(bins);
        double[] r = Data.range(data, false);
        if (r == null) {
            throw new IllegalArgumentException("histogram data has no finite values");
        }
        double[] range = resolveRange(r, lo, hi);
        double[] edges = edges(range[0], range[1], bins);
        double[] counts = new double[bins];
        int skipped = 0;
        for (double v : data) {
            if (!Double.isFinite(v)) {
                skipped++;
                continue;
            }
            int b = index(v, range[0], range[1], bins);
            if (b >= 0) {
                counts[b]++;
            }
        }
        return new Binning(edges, counts, skipped);
    }

    static void checkBins(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("number of bins must be at least 1, got " + bins);
        }
        if (bins > 100_000) {
            throw new IllegalArgumentException("number of bins is unreasonably large: " + bins);
        }
    }

    /** Explicit limits win; a degenerate data range is widened so the bins have non-zero width. */
    static double[] resolveRange(double[] dataRange, Double lo, Double hi) {
        double a = lo != null ? lo : dataRange[0];
        double b = hi != null ? hi : dataRange[1];
        if (a == b) {
            a -= 0.5;
            b += 0.5;
        }
        if (a > b) {
            throw new IllegalArgumentException(
                    "histogram range [" + a + ", " + b + "] is empty: the limits exclude all the data");
        }
        return new double[] {a, b};
    }

    static double[] edges(double lo, double hi, int bins) {
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            // Computed from both ends rather than by accumulation so the last edge is exactly hi.
            e[i] = lo + (hi - lo) * i / bins;
        }
        e[bins] = hi;
        return e;
    }

    /** Bin of {@code v}, or -1 if it lies outside [lo, hi]. */
    static int index(double v, double lo, double hi, int bins) {
        if (v < lo || v > hi) {
            return -1;
        }
        int b = (int) ((v - lo) / (hi - lo) * bins);
        return Math.min(b, bins - 1);
    }

    double maxCount() {
        double m = 0;
        for (double c : counts) {
            m = Math.max(m, c);
        }
        return m;
    }

    /** Bin midpoints, used as heat map tick positions for hist2d. */
    double[] centers() {
        double[] c = new double[counts.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = 0.5 * (edges[i] + edges[i + 1]);
        }
        return c;
    }
}
