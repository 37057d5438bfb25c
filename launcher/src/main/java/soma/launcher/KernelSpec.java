package soma.launcher;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code soma --install-kernel}: writes the Jupyter kernel spec {@code kernels/soma/kernel.json}
 * into the user's Jupyter data folder, where JupyterLab, Notebook, VS Code and nbconvert look.
 * The kernel runs as {@code bin/soma --kernel CONNECTION_FILE} (bin/soma puts the kernel module
 * on the class path). Interrupts arrive as messages, so the stop button works the same on every
 * platform and goes through the kernel's Ctrl-C path (stop training gracefully, then interrupt).
 */
final class KernelSpec {
    private KernelSpec() {}

    static int install(String home) {
        Path launcher = Path.of(home, "bin", "soma").toAbsolutePath().normalize();
        if (home.isEmpty() || !Files.isRegularFile(launcher)) {
            System.err.println("soma: cannot find bin/soma (run --install-kernel through bin/soma)");
            return 1;
        }
        Path dir = dataDir().resolve("kernels").resolve("soma");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", List.of(launcher.toString(), "--kernel", "{connection_file}"));
        spec.put("display_name", "Soma");
        spec.put("language", "soma");
        spec.put("interrupt_mode", "message");
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve("kernel.json");
            Path tmp = dir.resolve("kernel.json.tmp");
            Files.writeString(
                    tmp, new GsonBuilder().setPrettyPrinting().create().toJson(spec) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("soma: cannot write the kernel spec to " + dir + ": " + e.getMessage());
            return 1;
        }
        System.out.println("installed the Soma Jupyter kernel in " + dir);
        System.out.println("remove it with: jupyter kernelspec remove soma   (or delete that folder)");
        return 0;
    }

    /** Jupyter's user data folder, as jupyter_core.paths.jupyter_data_dir() finds it. */
    static Path dataDir() {
        String env = System.getenv("JUPYTER_DATA_DIR");
        if (env != null && !env.isEmpty()) return Path.of(env);
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) return Path.of(home, "Library", "Jupyter");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return appData != null ? Path.of(appData, "jupyter") : Path.of(home, ".jupyter", "data");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("jupyter");
    }
}
