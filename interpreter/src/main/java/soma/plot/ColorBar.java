package soma.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.List;

/** The vertical colour scale drawn to the right of a heat map, aligned with its plot area. */
final class ColorBar {
    private ColorBar() {}

    static final int BAR_WIDTH = 16;
    private static final int SLICES = 128; // smooth to the eye, still a small SVG

    /**
     * @param x left edge of the strip reserved for the bar
     * @param top screen y of the high end of the scale
     * @param bottom screen y of the low end
     */
    static void paint(Graphics2D g0, int x, int top, int bottom, double lo, double hi, String caption) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            int barX = x + 12;
            int height = Math.max(1, bottom - top);
            for (int k = 0; k < SLICES; k++) {
                // Slice k spans [y0, y1); colour taken at its middle, top slice = high values.
                int y0 = top + height * k / SLICES;
                int y1 = top + height * (k + 1) / SLICES;
                g.setColor(ColorMap.viridis(1 - (k + 0.5) / SLICES));
                g.fillRect(barX, y0, BAR_WIDTH, Math.max(1, y1 - y0));
            }
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(barX, top, BAR_WIDTH, height);

            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            FontMetrics fm = g.getFontMetrics();
            List<Double> ticks = NiceTicks.of(lo, hi, Math.max(2, Math.min(8, height / 40)));
            if (ticks.size() < 2) {
                ticks = List.of(lo, hi); // nice steps found nothing inside: label the ends instead
            }
            int labelRight = barX + BAR_WIDTH + 4;
            int widest = 0;
            for (double t : ticks) {
                int y = bottom - (int) Math.round((t - lo) / (hi - lo) * height);
                g.drawLine(barX + BAR_WIDTH, y, barX + BAR_WIDTH + 3, y);
                String s = NumberText.format(t);
                widest = Math.max(widest, fm.stringWidth(s));
                g.drawString(s, labelRight + 2, y + fm.getAscent() / 2 - 1);
            }
            if (caption != null && !caption.isEmpty()) {
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
                FontMetrics cm = g.getFontMetrics();
                AffineTransform saved = g.getTransform();
                int cx = labelRight + widest + 8 + cm.getAscent();
                g.translate(cx, top + height / 2 + cm.stringWidth(caption) / 2);
                g.rotate(-Math.PI / 2);
                g.drawString(caption, 0, 0);
                g.setTransform(saved);
            }
        } finally {
            g.dispose();
        }
    }
}
