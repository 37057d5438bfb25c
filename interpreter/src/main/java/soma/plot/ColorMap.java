package soma.plot;

import java.awt.Color;

/**
 * The viridis colour map: perceptually uniform and readable in grey scale and by most colour-blind
 * readers, so a heat map's brightness honestly tracks its value.
 */
final class ColorMap {
    private ColorMap() {}

    // Nine evenly spaced samples of matplotlib's viridis; linear interpolation between them is
    // visually indistinguishable from the full 256-entry table.
    private static final int[] ANCHORS = {
        0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725
    };

    /** Colour for {@code t} in [0, 1]; values outside are clamped. */
    static Color viridis(double t) {
        double u = Math.max(0, Math.min(1, t)) * (ANCHORS.length - 1);
        int i = Math.min((int) u, ANCHORS.length - 2);
        double f = u - i;
        int a = ANCHORS[i];
        int b = ANCHORS[i + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        int ca = a & 0xff;
        int cb = b & 0xff;
        return (int) Math.round(ca + (cb - ca) * f);
    }

    /** Red that stands out against every viridis colour, used to outline a highlighted region. */
    static final Color REGION = new Color(0xe4, 0x1a, 0x1c);
}
