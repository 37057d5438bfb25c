package soma.builtins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files that builtins write (plots, CSV): their folder is created on demand, failures are Soma errors. */
final class OutputFiles {
    private OutputFiles() {}

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
