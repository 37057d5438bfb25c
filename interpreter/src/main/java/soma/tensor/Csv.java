package soma.tensor;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import soma.io.FileErrors;
import soma.io.NioPlace;

/**
 * CSV for numeric tables: one row per line, an optional header line of column names. Both sides
 * use Commons CSV (RFC 4180), so a name with a comma, a quote or a line break written here reads
 * back unchanged. The text-level {@link #format} and {@link #parse} do the work so that an
 * interpreter can route file access through its own (sandboxed) file system; {@link #save} and
 * {@link #load} are java.nio conveniences. Numbers are written in Python repr style (shortest
 * round-trip), so a save/load round trip is exact. "nan", "inf" and "-inf" are read and written.
 */
public final class Csv {
    private static final CSVFormat WRITE = CSVFormat.RFC4180
            .builder()
            .setRecordSeparator('\n')
            .setQuoteMode(QuoteMode.MINIMAL)
            .get();
    /** Spaces around fields are ignored (" 1.5", "time, \"v\"") and blank lines are skipped by {@link #parse}. */
    private static final CSVFormat READ = CSVFormat.RFC4180
            .builder()
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(false)
            .get();

    private Csv() {}

    /** A loaded table: the header (null if the file had none) and the data. */
    public record Table(List<String> header, Tensor data) {}

    /** CSV text of a 1-D (one value per line) or 2-D real tensor, with an optional header line. */
    public static String format(Tensor t, List<String> header) {
        if (t.isComplex()) throw new TensorException("csv: complex tensors cannot be saved");
        if (t.rank() != 1 && t.rank() != 2)
            throw new TensorException("csv: can only save 1-D or 2-D tensors, got shape " + t.shapeString());
        int rows = t.shape[0], cols = t.rank() == 2 ? t.shape[1] : 1;
        if (header != null && header.size() != cols) {
            throw new TensorException("csv: header has " + header.size() + " names for " + cols + " columns");
        }
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(sb, WRITE)) {
            if (header != null) printer.printRecord(header);
            String[] row = new String[cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) row[j] = FloatFormat.pyRepr(t.re[i * cols + j]);
                printer.printRecord((Object[]) row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return sb.toString();
    }

    /**
     * Parses CSV text. Blank lines are skipped; the first line is taken as a header if any of
     * its fields is not a number. One column gives a 1-D tensor, otherwise 2-D.
     */
    public static Table parse(String text) {
        List<String> header = null;
        List<double[]> rows = new ArrayList<>();
        int cols = -1;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), READ)) {
            long line = 1; // where the next record starts (a quoted field may span lines)
            for (CSVRecord record : parser) {
                long lineNo = line;
                line = parser.getCurrentLineNumber() + 1;
                if (record.size() == 1 && record.get(0).isBlank()) continue;
                List<String> fields = record.toList();
                if (rows.isEmpty() && header == null && !allNumeric(fields)) {
                    header = new ArrayList<>(fields);
                    cols = fields.size();
                    continue;
                }
                if (cols >= 0 && fields.size() != cols) {
                    throw new TensorException(
                            "csv line " + lineNo + ": expected " + cols + " columns, found " + fields.size());
                }
                cols = fields.size();
                double[] row = new double[cols];
                for (int j = 0; j < cols; j++) {
                    Double v = number(fields.get(j));
                    if (v == null)
                        throw new TensorException(
                                "csv line " + lineNo + ": '" + fields.get(j).strip() + "' is not a number");
                    row[j] = v;
                }
                rows.add(row);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports malformed quoting (an unclosed quote) this way
            throw new TensorException(
                    "csv: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        if (cols < 0) cols = 0;
        double[] data = new double[rows.size() * cols];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, data, i * cols, cols);
        Tensor t =
                cols == 1 ? new Tensor(new int[] {rows.size()}, data) : new Tensor(new int[] {rows.size(), cols}, data);
        return new Table(header, t);
    }

    /** Writes the file atomically (a temporary file renamed over it; see {@link NioPlace}). */
    public static void save(Tensor t, Path path, List<String> header) {
        try {
            NioPlace.write(path, format(t, header).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TensorException("csv: cannot write " + path + ": " + FileErrors.reason(e), e);
        }
    }

    public static void save(Tensor t, Path path) {
        save(t, path, null);
    }

    public static Table loadTable(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TensorException("csv: cannot read " + path + ": " + FileErrors.reason(e), e);
        }
    }

    public static Tensor load(Path path) {
        return loadTable(path).data();
    }

    private static boolean allNumeric(List<String> fields) {
        for (String f : fields) if (number(f) == null) return false;
        return true;
    }

    /** A number in Java or Python spelling (nan, inf, -inf, 1e-05), or null. */
    private static Double number(String field) {
        String s = field.strip();
        switch (s.toLowerCase()) {
            case "nan":
                return Double.NaN;
            case "inf":
            case "+inf":
            case "infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
        }
        if (s.isEmpty() || !(Character.isDigit(s.charAt(s.length() - 1)) || s.endsWith(".")))
            return null; // no 'd'/'f' suffixes
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
