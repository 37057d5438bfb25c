package soma.tensor;

import static org.junit.jupiter.api.Assertions.*;
import static soma.tensor.Assertions2.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soma.random.Rng;

class CsvTest {
    @Test
    void formatWritesShortestRoundTripNumbers() {
        Tensor t = Tensor.fromNested(new double[][] {{1, 0.1}, {-2.5e-7, 1e20}});
        assertEquals("a,b\n1.0,0.1\n-2.5e-07,1e+20\n", Csv.format(t, List.of("a", "b")));
    }

    @Test
    void roundTripThroughAFileIsExact(@TempDir Path dir) throws Exception {
        Tensor t = new Rng(3).randn(20, 3);
        t.set(new Index[] {Index.at(0), Index.at(0)}, Double.NaN);
        t.set(new Index[] {Index.at(1), Index.at(2)}, Double.NEGATIVE_INFINITY);
        Path p = dir.resolve("x.csv");
        Csv.save(t, p, List.of("rate", "v", "w"));
        Csv.Table back = Csv.loadTable(p);
        assertEquals(List.of("rate", "v", "w"), back.header());
        assertEquals(t, back.data());
        assertTrue(Files.readString(p).startsWith("rate,v,w\nnan,"));
    }

    /** The writer quoted such names and the reader did not unquote them: "a,b" came back as two columns. */
    @Test
    void namesWithCommasQuotesAndLineBreaksRoundTrip(@TempDir Path dir) {
        List<String> names = List.of("a,b", "say \"hi\"", "two\nlines", " padded ", "");
        Tensor t = Tensor.fromNested(new double[][] {{1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}});
        Csv.Table back = Csv.parse(Csv.format(t, names));
        assertEquals(
                List.of("a,b", "say \"hi\"", "two\nlines", " padded ", ""),
                back.header()); // quoted, so its spaces are kept
        assertEquals(t, back.data());
        Path p = dir.resolve("h.csv");
        Csv.save(t, p, List.of("x,y", "\"q\"", "z", "w", "v"));
        assertEquals(List.of("x,y", "\"q\"", "z", "w", "v"), Csv.loadTable(p).header());
        assertThrows(TensorException.class, () -> Csv.parse("\"unclosed,1\n2,3\n"));
    }

    @Test
    void headerIsDetectedOnlyWhenNotNumeric() {
        Csv.Table noHeader = Csv.parse("1,2\n3,4\n");
        assertNull(noHeader.header());
        assertValues(noHeader.data(), new int[] {2, 2}, new double[] {1, 2, 3, 4}, 0);
        Csv.Table withHeader = Csv.parse("time, \"v\"\r\n0, -1.5\n\n0.1, 2\n");
        assertEquals(List.of("time", "v"), withHeader.header());
        assertValues(withHeader.data(), new int[] {2, 2}, new double[] {0, -1.5, 0.1, 2}, 0);
    }

    @Test
    void oneColumnLoadsAsVector() {
        assertValues(Csv.parse("x\n1\n2\n3\n").data(), new int[] {3}, new double[] {1, 2, 3}, 0);
        assertEquals("1.0\n2.0\n", Csv.format(Tensor.vector(1, 2), null));
    }

    @Test
    void errorsNameTheLine() {
        TensorException e = assertThrows(TensorException.class, () -> Csv.parse("1,2\n3\n"));
        assertEquals("csv line 2: expected 2 columns, found 1", e.getMessage());
        e = assertThrows(TensorException.class, () -> Csv.parse("1,2\n3,x\n"));
        assertEquals("csv line 2: 'x' is not a number", e.getMessage());
        assertThrows(TensorException.class, () -> Csv.format(Tensor.zeros(2, 2, 2), null));
        assertThrows(TensorException.class, () -> Csv.format(Tensor.zeros(2, 2), List.of("only one")));
    }
}
