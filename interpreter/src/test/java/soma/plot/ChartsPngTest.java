package soma.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every chart kind saved as PNG reads back at the requested size with real content. */
class ChartsPngTest {
    @TempDir
    Path dir;

    private BufferedImage saveAndRead(Figure f, String name, int w, int h) throws IOException {
        Path p = dir.resolve(name);
        f.save(p);
        assertTrue(Files.size(p) > 0, "file written");
        byte[] head = Files.readAllBytes(p);
        assertEquals((byte) 0x89, head[0], "PNG signature");
        assertEquals('P', head[1]);
        BufferedImage img = ImageIO.read(p.toFile());
        assertNotNull(img, "ImageIO can decode " + name);
        assertEquals(w, img.getWidth(), "width of " + name);
        assertEquals(h, img.getHeight(), "height of " + name);
        assertTrue(TestData.colours(img).size() > 2, name + " is not a blank single-colour image");
        return img;
    }

    @Test
    void lineDefaultSize() throws IOException {
        double[] x = TestData.linspace(0, 10, 200);
        double[] s = new double[200];
        double[] c = new double[200];
        for (int i = 0; i < 200; i++) {
            s[i] = Math.sin(x[i]);
            c[i] = Math.cos(x[i]);
        }
        Figure f = Charts.line(
                x, List.of(s, c), PlotSpec.defaults().withTitle("rates").withLabels("E", "I"));
        BufferedImage img = saveAndRead(f, "line.png", 800, 600);
        // Both series colours (tab10 blue and orange) are actually drawn.
        assertTrue(TestData.countNear(img, 0x1f77b4, 10) > 200, "first series drawn");
        assertTrue(TestData.countNear(img, 0xff7f0e, 10) > 200, "second series drawn");
    }

    @Test
    void scatterCustomSize() throws IOException {
        List<List<double[]>> d = TestData.discs();
        Figure f = Charts.scatter(
                d.get(0), d.get(1), PlotSpec.defaults().withSize(640, 480).withLabels("g=1", "g=2"));
        BufferedImage img = saveAndRead(f, "scatter.png", 640, 480);
        assertTrue(TestData.countNear(img, 0xff7f0e, 10) > 100, "second point set drawn");
    }

    @Test
    void histogram() throws IOException {
        Figure f = Charts.histogram(
                TestData.gaussian(2000, 1), 30, PlotSpec.defaults().withSize(500, 400));
        saveAndRead(f, "hist.png", 500, 400);
    }

    @Test
    void histogramLogY() throws IOException {
        Figure f = Charts.histogram(
                TestData.gaussian(2000, 1), 30, PlotSpec.defaults().withLogY(true));
        saveAndRead(f, "histlog.png", 800, 600);
    }

    @Test
    void hist2d() throws IOException {
        Figure f = Charts.hist2d(
                TestData.gaussian(3000, 2),
                TestData.gaussian(3000, 3),
                25,
                PlotSpec.defaults().withSize(700, 500));
        BufferedImage img = saveAndRead(f, "hist2d.png", 700, 500);
        // The colour scale starts at viridis' dark purple, which fills the empty outer bins.
        assertTrue(TestData.countNear(img, 0x440154, 6) > 1000, "viridis low end present");
    }

    @Test
    void heatmapWithRegion() throws IOException {
        double[][] z = TestData.sweepZ();
        Figure f = Charts.heatmap(
                z,
                TestData.sweepF(),
                TestData.sweepG(),
                TestData.sweepMask(z),
                PlotSpec.defaults().withTitle("hub").withRegionLabel("0.525 ± 0.025 Hz"));
        BufferedImage img = saveAndRead(f, "heat.png", 800, 600);
        assertTrue(TestData.countNear(img, 0xe41a1c, 8) > 500, "region outline drawn in red");
    }

    @Test
    void heatmapWithPointsDrawsThemWhereTheyAre() {
        // A flat map has one colour, so every dark pixel comes from a point: the dots must appear in
        // the left half (where the points are) and nowhere in the right half.
        double[][] z = new double[20][20];
        double[] ticks = new double[20];
        for (int i = 0; i < 20; i++) ticks[i] = i;
        double[] px = new double[50];
        double[] py = new double[50];
        for (int k = 0; k < 50; k++) {
            px[k] = 1 + (k % 5) * 1.5;
            py[k] = 1 + (k / 5) * 1.8;
        }
        BufferedImage img = Charts.heatmap(
                        z,
                        ticks,
                        ticks,
                        null,
                        new PointOverlay(px, py),
                        PlotSpec.defaults().withSize(800, 600))
                .toImage();
        BufferedImage none = Charts.heatmap(z, ticks, ticks, PlotSpec.defaults().withSize(800, 600))
                .toImage();
        int darkWith = TestData.countNear(img, 0x141414, 40);
        int darkWithout = TestData.countNear(none, 0x141414, 40);
        assertTrue(
                darkWith - darkWithout >= 50 * 8,
                "every point leaves a dark dot: " + (darkWith - darkWithout) + " dark pixels");
        int w = img.getWidth();
        int rightHalfDiffers = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = w / 2 + 40; x < w - 130; x++) {
                if (img.getRGB(x, y) != none.getRGB(x, y)) rightHalfDiffers++;
            }
        }
        assertEquals(0, rightHalfDiffers, "no dot where there is no point");
        assertThrows(IllegalArgumentException.class, () -> new PointOverlay(new double[2], new double[3]));
    }

    @Test
    void heatmapWithoutRegionHasNoOutline() {
        double[][] z = TestData.sweepZ();
        BufferedImage img = Charts.heatmap(z, null, null, PlotSpec.defaults()).toImage();
        assertEquals(0, TestData.countNear(img, 0xe41a1c, 8), "no red without a region");
    }

    @Test
    void pairplot() throws IOException {
        double[][] s = new double[300][3];
        double[] g = TestData.gaussian(900, 5);
        for (int i = 0; i < 300; i++) {
            s[i][0] = g[3 * i];
            s[i][1] = 0.8 * g[3 * i] + 0.3 * g[3 * i + 1];
            s[i][2] = g[3 * i + 2] * 10;
        }
        Figure f = Charts.pairplot(
                s, new String[] {"tau", "J", "rate"}, PlotSpec.defaults().withTitle("posterior"));
        saveAndRead(f, "pair.png", 800, 600);
    }

    @Test
    void toPngMatchesSave() throws IOException {
        Figure f = Charts.line(
                new double[] {0, 1, 2},
                new double[] {1, 0, 1},
                PlotSpec.defaults().withSize(300, 200));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(f.toPng()));
        assertEquals(300, img.getWidth());
        assertEquals(200, img.getHeight());
    }

    @Test
    void headlessIsSet() {
        Charts.line(new double[] {0, 1}, new double[] {0, 1}, null);
        assertEquals("true", System.getProperty("java.awt.headless"));
    }
}
