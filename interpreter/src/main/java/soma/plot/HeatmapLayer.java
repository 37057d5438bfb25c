package soma.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * Draws heat map cells (and an optional outlined region) inside an ordinary XChart XY plot.
 *
 * <p>XChart's own HeatMapChart uses category axes, which label every column and cannot place
 * unevenly spaced sweep values or log axes. Painting the cells as an annotation keeps XChart's
 * numeric axes, ticks and titles while giving full control over cell geometry; annotations are
 * painted last and get XChart's data-to-screen transform, which is all this needs.
 */
final class HeatmapLayer extends Annotation {
    private final double[][] z;
    private final double[] xEdges;
    private final double[] yEdges;
    private final boolean[][] mask;
    private final double lo;
    private final double hi;
    private final String regionLabel;
    private final PointOverlay points;

    /** Plot area in screen pixels as of the last paint; the colour bar aligns to it. */
    private int plotLeft;

    private int plotRight;
    private int plotTop;
    private int plotBottom;

    HeatmapLayer(
            double[][] z,
            double[] xEdges,
            double[] yEdges,
            boolean[][] mask,
            double lo,
            double hi,
            String regionLabel,
            PointOverlay points) {
        super(false); // positions are data coordinates, converted by XChart's axes
        this.z = z;
        this.xEdges = xEdges;
        this.yEdges = yEdges;
        this.mask = mask;
        this.lo = lo;
        this.hi = hi;
        this.regionLabel = regionLabel;
        this.points = points;
    }

    int plotTop() {
        return plotTop;
    }

    int plotBottom() {
        return plotBottom;
    }

    /** Position of {@code v} within the colour range, 0 at the low end and 1 at the high end. */
    double scale(double v) {
        return (v - lo) / (hi - lo);
    }

    @Override
    public void paint(Graphics2D g0) {
        if (!isVisible) {
            return;
        }
        plotLeft = Math.min(getXAxisScreenValueForMin(), getXAxisScreenValueForMax());
        plotRight = Math.max(getXAxisScreenValueForMin(), getXAxisScreenValueForMax());
        plotTop = Math.min(getYAxisScreenValueForMin(), getYAxisScreenValueForMax());
        plotBottom = Math.max(getYAxisScreenValueForMin(), getYAxisScreenValueForMax());
        Graphics2D g = (Graphics2D) g0.create();
        try {
            // User limits may cut the grid; without a clip cells would spill over the axes.
            g.clipRect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
            int[] sx = new int[xEdges.length];
            int[] sy = new int[yEdges.length];
            for (int j = 0; j < sx.length; j++) {
                sx[j] = getXAxisScreenValue(xEdges[j]);
            }
            for (int i = 0; i < sy.length; i++) {
                sy[i] = getYAxisScreenValue(yEdges[i]);
            }
            paintCells(g, sx, sy);
            if (mask != null) {
                paintRegion(g, sx, sy);
            }
            if (points != null) {
                paintPoints(g);
            }
            g.setClip(null);
            // Cells are painted after XChart's plot border, so the border is redrawn on top.
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
            if (mask != null && regionLabel != null && !regionLabel.isEmpty()) {
                paintRegionKey(g);
            }
        } finally {
            g.dispose();
        }
    }

    private void paintCells(Graphics2D g, int[] sx, int[] sy) {
        for (int i = 0; i < z.length; i++) {
            int top = Math.min(sy[i], sy[i + 1]);
            int h = Math.abs(sy[i + 1] - sy[i]);
            for (int j = 0; j < z[i].length; j++) {
                double v = z[i][j];
                if (!Double.isFinite(v)) {
                    continue; // left as background: a hole says "no value" more honestly than a colour
                }
                g.setColor(ColorMap.viridis(scale(v)));
                // Integer edges shared by neighbours: no hairline seams between cells.
                g.fillRect(Math.min(sx[j], sx[j + 1]), top, Math.abs(sx[j + 1] - sx[j]), h);
            }
        }
    }

    /**
     * Every masked cell gets a thin border and the region's outline a thick one, so both the exact
     * cells and the overall shape of the region are visible.
     */
    private void paintRegion(Graphics2D g, int[] sx, int[] sy) {
        g.setColor(ColorMap.REGION);
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < mask.length; i++) {
            for (int j = 0; j < mask[i].length; j++) {
                if (mask[i][j]) {
                    int x = Math.min(sx[j], sx[j + 1]);
                    int y = Math.min(sy[i], sy[i + 1]);
                    g.drawRect(x + 1, y + 1, Math.abs(sx[j + 1] - sx[j]) - 2, Math.abs(sy[i + 1] - sy[i]) - 2);
                }
            }
        }
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < mask.length; i++) {
            for (int j = 0; j < mask[i].length; j++) {
                if (!mask[i][j]) {
                    continue;
                }
                // A cell side is on the outline when the neighbour across it is outside the region.
                if (!masked(i - 1, j)) {
                    g.drawLine(sx[j], sy[i], sx[j + 1], sy[i]);
                }
                if (!masked(i + 1, j)) {
                    g.drawLine(sx[j], sy[i + 1], sx[j + 1], sy[i + 1]);
                }
                if (!masked(i, j - 1)) {
                    g.drawLine(sx[j], sy[i], sx[j], sy[i + 1]);
                }
                if (!masked(i, j + 1)) {
                    g.drawLine(sx[j + 1], sy[i], sx[j + 1], sy[i + 1]);
                }
            }
        }
    }

    /** Small dark dots with a light rim, visible on every colour of the map. */
    private void paintPoints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(0.8f));
        double r = 2.5;
        for (int k = 0; k < points.x().length; k++) {
            double px = points.x()[k];
            double py = points.y()[k];
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                continue;
            }
            var dot = new Ellipse2D.Double(getXAxisScreenValue(px) - r, getYAxisScreenValue(py) - r, 2 * r, 2 * r);
            g.setColor(new Color(20, 20, 20, 200));
            g.fill(dot);
            g.setColor(new Color(255, 255, 255, 220));
            g.draw(dot);
        }
    }

    private boolean masked(int i, int j) {
        return i >= 0 && i < mask.length && j >= 0 && j < mask[i].length && mask[i][j];
    }

    /** A small boxed key in the top-left corner naming the outlined region. */
    private void paintRegionKey(Graphics2D g) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int pad = 6;
        int swatch = 12;
        int w = pad + swatch + pad + fm.stringWidth(regionLabel) + pad;
        int h = Math.max(swatch, fm.getHeight()) + 2 * pad;
        int x = plotLeft + 8;
        int y = plotTop + 8;
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(x, y, w, h);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, w, h);
        g.setColor(ColorMap.REGION);
        g.setStroke(new BasicStroke(2.5f));
        g.drawRect(x + pad, y + (h - swatch) / 2, swatch, swatch);
        g.setColor(Color.BLACK);
        g.drawString(regionLabel, x + pad + swatch + pad, y + (h - fm.getHeight()) / 2 + fm.getAscent());
    }

    @Override
    public Rectangle2D getBounds() {
        return new Rectangle2D.Double(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
    }
}
