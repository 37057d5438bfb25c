package soma.plot;

/**
 * A grid of Unicode braille cells, each holding 2 x 4 dots, addressed in dot coordinates with
 * (0, 0) at the top left. Braille gives eight times the resolution of one glyph per cell while
 * staying plain text, which is why terminal plotting tools use it.
 */
final class BrailleCanvas {
    static final char BLANK = '\u2800';

    // Bit of the dot at (column dx, row dy) inside a cell, per the Unicode braille pattern layout:
    // dots 1-2-3 and 7 run down the left column, 4-5-6 and 8 down the right.
    private static final int[][] BIT = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};

    private final int cols;
    private final int rows;
    private final int[] cells;

    BrailleCanvas(int cols, int rows) {
        this.cols = cols;
        this.rows = rows;
        this.cells = new int[cols * rows];
    }

    int dotWidth() {
        return 2 * cols;
    }

    int dotHeight() {
        return 4 * rows;
    }

    /** Lights one dot; dots outside the canvas are ignored so callers need not clip points. */
    void set(int x, int y) {
        if (x < 0 || y < 0 || x >= dotWidth() || y >= dotHeight()) {
            return;
        }
        cells[(y / 4) * cols + x / 2] |= BIT[y % 4][x % 2];
    }

    /**
     * Draws the segment between two points given in continuous dot coordinates. The segment is
     * clipped to the canvas first (Liang-Barsky), so a far-away endpoint costs nothing and cannot
     * overflow the rasteriser; then dots are stepped along the longer axis with rounding.
     */
    void line(double x0, double y0, double x1, double y1) {
        double[] c = clip(x0, y0, x1, y1, 0, 0, dotWidth() - 1, dotHeight() - 1);
        if (c == null) {
            return;
        }
        long ax = Math.round(c[0]);
        long ay = Math.round(c[1]);
        long bx = Math.round(c[2]);
        long by = Math.round(c[3]);
        long n = Math.max(Math.abs(bx - ax), Math.abs(by - ay));
        if (n == 0) {
            set((int) ax, (int) ay);
            return;
        }
        for (long k = 0; k <= n; k++) {
            set((int) Math.round(ax + (double) (bx - ax) * k / n), (int) Math.round(ay + (double) (by - ay) * k / n));
        }
    }

    /** Segment clipped to the box, or null when it misses it entirely. */
    static double[] clip(
            double x0, double y0, double x1, double y1, double xmin, double ymin, double xmax, double ymax) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - xmin, xmax - x0, y0 - ymin, ymax - y0};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return null; // parallel to this edge and outside it
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        if (t0 > t1) {
            return null;
        }
        return new double[] {x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy};
    }

    /** One string per cell row, top first, each exactly {@code cols} characters. */
    String[] rows() {
        String[] out = new String[rows];
        for (int r = 0; r < rows; r++) {
            StringBuilder b = new StringBuilder(cols);
            for (int c = 0; c < cols; c++) {
                b.append((char) (BLANK + cells[r * cols + c]));
            }
            out[r] = b.toString();
        }
        return out;
    }
}
