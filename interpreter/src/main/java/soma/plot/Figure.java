package soma.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import soma.io.NioPlace;

/**
 * A finished plot that can be rendered or saved.
 *
 * <p>Chart methods return this instead of an XChart object so the interpreter never depends on
 * which library drew the picture, and so composite figures (heat map plus colour bar, pair plot
 * grids) look exactly like single charts to the caller.
 */
public abstract class Figure {
    static {
        Headless.ensure();
    }

    private final String title;
    private final int width;
    private final int height;
    private final int skippedPoints;

    Figure(String title, int width, int height, int skippedPoints) {
        this.title = title;
        this.width = width;
        this.height = height;
        this.skippedPoints = skippedPoints;
    }

    public String title() {
        return title;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * Data points left out because they were NaN or infinite, or non-positive on a log axis. The
     * interpreter can turn a non-zero count into a warning; the picture itself stays uncluttered.
     */
    public int skippedPoints() {
        return skippedPoints;
    }

    /**
     * Writes the figure to {@code path}, choosing PNG or SVG from the extension. The picture is
     * rendered in memory first and then replaces the file atomically, so a failed save (full disk,
     * kill) leaves the previous picture intact.
     *
     * @throws IllegalArgumentException for any other extension
     */
    public void save(Path path) throws IOException {
        NioPlace.write(
                path,
                encode(path.getFileName() == null ? "" : path.getFileName().toString()));
    }

    /**
     * The bytes of the file {@code fileName} would hold: PNG or SVG by its extension.
     *
     * @throws IllegalArgumentException for any other extension
     */
    public byte[] encode(String fileName) {
        return PlotFormat.fromName(fileName) == PlotFormat.PNG ? toPng() : toSvg().getBytes(StandardCharsets.UTF_8);
    }

    /** PNG bytes, e.g. for embedding in a notebook cell. */
    public byte[] toPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writePng(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory stream: only an encoder bug gets here
        }
        return out.toByteArray();
    }

    /** A complete SVG document. */
    public String toSvg() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeSvg(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(SvgText.withTitle(out.toByteArray(), title), StandardCharsets.UTF_8);
    }

    /** The figure as a raster image of {@link #width()} x {@link #height()} pixels. */
    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            // XChart sets these for its own parts; composite labels (pair plot names, colour bar)
            // would otherwise be drawn aliased.
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            paint(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Draws the whole figure with its top-left corner at the graphics origin. */
    abstract void paint(Graphics2D g);

    abstract void writePng(OutputStream out) throws IOException;

    /** Raw SVG; {@link #toSvg()} adds the title element. */
    abstract void writeSvg(OutputStream out) throws IOException;
}
