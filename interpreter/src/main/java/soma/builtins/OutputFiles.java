package soma.builtins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import soma.display.Display;

/** Files that builtins write (plots, CSV): their folder is created on demand, failures are Soma errors. */
final class OutputFiles {
    private OutputFiles() {}

    /** Saves a figure to a file named by the script (PNG or SVG by extension); {@code what} names it in errors. */
    static void save(Args a, soma.plot.Figure figure, String name, String what) {
        Display.figure(figure); // in a notebook, saved figures also show under the cell
        Path file = prepare(a, name);
        try {
            figure.save(file);
        } catch (IOException | IllegalArgumentException e) {
            throw a.error("cannot save " + what + " to " + file + ": " + e.getMessage());
        }
    }

    static Path prepare(Args a, String name) {
        Path file = Path.of(name);
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (dir != null) Files.createDirectories(dir);
        } catch (IOException e) {
            throw a.error("cannot create the folder " + dir + " for " + name + ": " + e.getMessage());
        }
        return file;
    }
}
