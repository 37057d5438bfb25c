package soma.plot;

import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** A figure that is exactly one XChart chart, so XChart's own encoders write it. */
final class ChartFigure extends Figure {
    private final Chart<?, ?> chart;

    ChartFigure(Chart<?, ?> chart, int skippedPoints) {
        super(chart.getTitle(), chart.getWidth(), chart.getHeight(), skippedPoints);
        this.chart = chart;
    }

    @Override
    void paint(Graphics2D g) {
        chart.paint(g, chart.getWidth(), chart.getHeight());
    }

    @Override
    void writePng(OutputStream out) throws IOException {
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }

    @Override
    void writeSvg(OutputStream out) throws IOException {
        VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
}
