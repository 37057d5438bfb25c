package soma.tensor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal CSV for numeric tables: comma separated, one row per line, no quoting of numbers.
 * The text-level {@link #format} and {@link #parse} do the work so that an interpreter can route
 * file access through its own (sandboxed) file system; {@link #save}/{@link #load} are
 * java.nio conveniences. Numbers are written in Python repr style (shortest round-trip), so a
 * save/load round trip is exact. "nan", "inf" and "-inf" are read and written.
 */
public final class Csv {
    private Csv() {}

    /** A loaded table: the header (null if the file had none) and the data. */
    public record Table(List<String> header, Tensor data) {}

    /** CSV text of a 1-D (one value per line) or 2-D real tensor, with an optional header line. */
    public static String format(Tensor t, List<String> header) {
        if (t.isComplex()) throw new TensorException("csv: complex tensors cannot be saved");
        if (t.rank() != 1 && t.rank() != 2) throw new TensorException("csv: can only save 1-D or 2-D tensors, got shape " + t.shapeString());
        int rows = t.shape[0], cols = t.rank() == 2 ? t.shape[1] : 1;
        if (header != null && header.size() != cols) {
            throw new TensorException("csv: header has " + header.size() + " names for " + cols + " columns");
        }
        StringBuilder sb = new StringBuilder();
        if (header != null) sb.append(String.join(",", header.stream().map(Csv::quoteIfNeeded).toList())).append('\n');
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (j > 0) sb.append(',');
                sb.append(FloatFormat.pyRepr(t.re[i * cols + j]));
            }
            sb.append('\n');
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
        int cols = -1, lineNo = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNo++;
            if (line.isBlank()) continue;
            String[] fields = line.split(",", -1);
            if (rows.isEmpty() && header == null && !allNumeric(fields)) {
                header = new ArrayList<>();
                for (String f : fields) header.add(unquote(f.strip()));
                cols = fields.length;
                continue;
            }
            if (cols >= 0 && fields.length != cols) {
                throw new TensorException("csv line " + lineNo + ": expected " + cols + " columns, found " + fields.length);
            }
            cols = fields.length;
            double[] row = new double[cols];
            for (int j = 0; j < cols; j++) {
                Double v = number(fields[j]);
                if (v == null) throw new TensorException("csv line " + lineNo + ": '" + fields[j].strip() + "' is not a number");
                row[j] = v;
            }
            rows.add(row);
        }
        if (cols < 0) cols = 0;
        double[] data = new double[rows.size() * cols];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, data, i * cols, cols);
        Tensor t = cols == 1 ? new Tensor(new int[] {rows.size()}, data) : new Tensor(new int[] {rows.size(), cols}, data);
        return new Table(header, t);
    }

    public static void save(Tensor t, Path path, List<String> header) {
        try {
            Files.writeString(path, format(t, header), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TensorException("csv: cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    public static void save(Tensor t, Path path) {
        save(t, path, null);
    }

    public static Table loadTable(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TensorException("csv: cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    public static Tensor load(Path path) {
        return loadTable(path).data();
    }

    private static boolean allNumeric(String[] fields) {
        for (String f : fields) if (number(f) == null) return false;
        return true;
    }

    /** A number in Java or Python spelling (nan, inf, -inf, 1e-05), or null. */
    private static Double number(String field) {
        String s = field.strip();
        switch (s.toLowerCase()) {
            case "nan": return Double.NaN;
            case "inf": case "+inf": case "infinity": return Double.POSITIVE_INFINITY;
            case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
            default:
        }
        if (s.isEmpty() || !(Character.isDigit(s.charAt(s.length() - 1)) || s.endsWith("."))) return null; // no 'd'/'f' suffixes
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
    }

    private static String quoteIfNeeded(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
