package soma.builtins;

import java.nio.charset.StandardCharsets;
import java.util.List;
import soma.display.Display;
import soma.io.guest.GuestFiles;
import soma.plot.Figure;
import soma.runtime.SomaError;
import soma.tensor.Csv;
import soma.tensor.Tensor;

/**
 * Files that builtins read and write (plots, CSV, flows): through the context's file system
 * (see {@link GuestFiles}), written atomically, their folder created on demand; failures are Soma
 * errors named after the builtin, with the reason.
 */
final class OutputFiles {
    private OutputFiles() {}

    /** Saves a figure to a file named by the script (PNG or SVG by extension); {@code what} names it in errors. */
    static void save(Args a, Figure figure, String name, String what) {
        Display.figure(figure); // in a notebook, saved figures also show under the cell
        byte[] bytes;
        try {
            bytes = figure.encode(name); // rendered before the file is touched: a bad format leaves no trace
        } catch (IllegalArgumentException e) {
            throw a.error("cannot save " + what + " to " + name + ": " + e.getMessage());
        }
        write(a, name, bytes, what);
    }

    /**
     * Whether a builtin that draws only on request should draw: when the script names a file
     * ({@code to:}), or when a notebook front end shows figures inline.
     */
    static boolean figureWanted(String to) {
        return to != null || Display.active();
    }

    /** The figure saved to the file {@code to} (and shown inline in a notebook), or, with no file, only shown inline. */
    static void saveOrShow(Args a, Figure figure, String to, String what) {
        if (to != null) save(a, figure, to, what);
        else Display.figure(figure);
    }

    static void writeText(Args a, String name, String text, String what) {
        write(a, name, text.getBytes(StandardCharsets.UTF_8), what);
    }

    static void saveCsv(Args a, String name, Tensor t, List<String> header) {
        writeText(a, name, Csv.format(t, header), "the CSV file");
    }

    static String readText(Args a, String name, String what) {
        try {
            return GuestFiles.readString(a.context().env(), name, what);
        } catch (SomaError e) {
            throw a.error(e.getMessage());
        }
    }

    static Csv.Table loadCsv(Args a, String name) {
        return Csv.parse(readText(a, name, "the CSV file"));
    }

    private static void write(Args a, String name, byte[] bytes, String what) {
        try {
            GuestFiles.write(a.context().env(), name, bytes, what);
        } catch (SomaError e) {
            throw a.error(e.getMessage());
        }
    }
}
