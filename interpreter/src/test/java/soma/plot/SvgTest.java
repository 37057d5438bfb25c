package soma.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** SVG output of every chart kind is well-formed XML with the title in it. */
class SvgTest {
    @TempDir
    Path dir;

    /** Parses without fetching the SVG 1.1 DTD the encoder references (no network in tests). */
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private void check(Function<PlotSpec, Figure> make, String title, String file) throws Exception {
        PlotSpec spec = PlotSpec.defaults().withTitle(title).withSize(640, 480);
        Path p = dir.resolve(file);
        make.apply(spec).save(p);
        String svg = Files.readString(p);
        String start = svg.stripLeading();
        assertTrue(start.startsWith("<?xml") || start.startsWith("<svg"), "starts like an SVG file");
        Document doc = parse(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("640px", doc.getDocumentElement().getAttribute("width"));
        assertTrue(svg.contains(SvgText.escape(title)), "title text present");
        assertEquals(title, doc.getElementsByTagName("title").item(0).getTextContent(), "title element");
    }

    @Test
    void line() throws Exception {
        check(
                s -> Charts.line(TestData.linspace(0, 1, 50), TestData.linspace(1, 0, 50), s),
                "Firing rate <E> & I",
                "line.svg");
    }

    @Test
    void scatter() throws Exception {
        List<List<double[]>> d = TestData.discs();
        check(s -> Charts.scatter(d.get(0), d.get(1), s), "Eigenvalues", "scatter.svg");
    }

    @Test
    void histogram() throws Exception {
        check(s -> Charts.histogram(TestData.gaussian(500, 1), 20, s), "ISI", "hist.svg");
    }

    @Test
    void hist2d() throws Exception {
        check(s -> Charts.hist2d(TestData.gaussian(500, 1), TestData.gaussian(500, 2), 10, s), "joint", "hist2d.svg");
    }

    @Test
    void heatmap() throws Exception {
        double[][] z = TestData.sweepZ();
        check(
                s -> Charts.heatmap(z, TestData.sweepF(), TestData.sweepG(), TestData.sweepMask(z), s),
                "Hub frequency 0.525 ± 0.025 Hz",
                "heat.svg");
    }

    @Test
    void pairplot() throws Exception {
        double[][] s = new double[100][2];
        double[] g = TestData.gaussian(200, 3);
        for (int i = 0; i < 100; i++) {
            s[i][0] = g[2 * i];
            s[i][1] = g[2 * i + 1];
        }
        check(sp -> Charts.pairplot(s, new String[] {"a", "b"}, sp), "posterior", "pair.svg");
    }

    @Test
    void controlCharactersInTitleStillGiveValidXml() throws Exception {
        String svg = Charts.line(
                        new double[] {0, 1},
                        new double[] {0, 1},
                        PlotSpec.defaults().withTitle("a\u0001b"))
                .toSvg();
        parse(svg); // would throw on an illegal XML character
    }
}
