package soma.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * A figure composed of several painted parts (XChart panels, colour bars, labels).
 *
 * <p>XChart's encoders only take a single chart, so this writes PNG through {@link
 * javax.imageio.ImageIO} and SVG through VectorGraphics2D directly, the same library XChart's
 * SVG encoder uses. Because both paths run the same painter, PNG and SVG show the same picture.
 */
final class CanvasFigure extends Figure {
    private final Consumer<Graphics2D> painter;

    CanvasFigure(String title, int width, int height, int skippedPoints, Consumer<Graphics2D> painter) {
        super(title, width, height, skippedPoints);
        this.painter = painter;
    }

    @Override
    void paint(Graphics2D g) {
        Graphics2D child = (Graphics2D) g.create();
        try {
            painter.accept(child);
        } finally {
            child.dispose();
        }
    }

    @Override
    void writePng(OutputStream out) throws IOException {
        if (!ImageIO.write(toImage(), "png", out)) {
            throw new IOException("no PNG writer available in this JDK");
        }
    }

    @Override
    void writeSvg(OutputStream out) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        paint(g);
        new SVGProcessor()
                .getDocument(g.getCommands(), new PageSize(0, 0, width(), height()))
                .writeTo(out);
    }
}
