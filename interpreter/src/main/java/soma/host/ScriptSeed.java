package soma.host;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script's own seed: a comment line {@code # seed: N}. Examples carry one so that running them
 * prints the numbers in their {@code .out} files and the README; the golden tests read the same
 * line with the same rule ({@link #declared(String)}), and {@code --seed} on the command line wins.
 */
public final class ScriptSeed {
    private static final Pattern LINE = Pattern.compile("(?m)^\\s*#\\s*seed:\\s*(\\d+)\\s*$");

    private ScriptSeed() {}

    public static Optional<Long> declared(String code) {
        Matcher m = LINE.matcher(code);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    public static Optional<Long> declared(File script) {
        try {
            return declared(Files.readString(script.toPath()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable: the launcher reports it when it reads the script
        }
    }
}
