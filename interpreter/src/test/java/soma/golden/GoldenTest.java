package soma.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import soma.host.ScriptSeed;

/**
 * Golden tests: every {@code examples/*.soma} and every script under
 * {@code src/test/resources/golden} runs and its output must match the {@code .out} file beside
 * it. A script may set the seed ({@code # seed: N}) and the numeric tolerance
 * ({@code # tolerance: 1e-6}, the default) in its first lines. Set -Dsoma.golden.update=true to
 * rewrite the expected files after a reviewed change.
 */
class GoldenTest {
    static final Path HOME =
            Path.of(System.getProperty("soma.home", "..")).toAbsolutePath().normalize();
    private static final Pattern TOLERANCE = Pattern.compile("#\\s*tolerance:\\s*([0-9.eE+-]+)");

    @TestFactory
    Stream<DynamicTest> examples() throws IOException {
        return scripts(HOME.resolve("examples"));
    }

    @TestFactory
    Stream<DynamicTest> testScripts() throws IOException {
        return scripts(HOME.resolve("interpreter/src/test/resources/golden"));
    }

    @Test
    void everyExampleHasExpectedOutput() throws IOException {
        try (Stream<Path> files = Files.list(HOME.resolve("examples"))) {
            List<Path> scripts =
                    files.filter(p -> p.toString().endsWith(".soma")).toList();
            assertTrue(scripts.size() >= 1, "examples/ has scripts");
            for (Path p : scripts) {
                assertTrue(Files.exists(expectedFile(p)), "missing expected output for " + p);
            }
        }
    }

    private Stream<DynamicTest> scripts(Path dir) throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(dir)) {
            scripts = files.filter(p -> p.toString().endsWith(".soma")).sorted().toList();
        }
        return scripts.stream()
                .map(p -> DynamicTest.dynamicTest(HOME.relativize(p).toString(), () -> check(p)));
    }

    private static void check(Path script) throws IOException {
        String code = Files.readString(script);
        long seed = ScriptSeed.declared(code).orElse(0L); // the launcher's rule, so bin/soma FILE prints the .out
        double tolerance = find(TOLERANCE, code).map(Double::parseDouble).orElse(1e-6);
        String actual = ScriptRunner.run(script, seed).replace(HOME + "/", "");
        Path expectedFile = expectedFile(script);
        if (Boolean.getBoolean("soma.golden.update") || !Files.exists(expectedFile)) {
            Files.writeString(expectedFile, actual);
            if (!Boolean.getBoolean("soma.golden.update"))
                fail("no expected output yet; wrote " + expectedFile + " for review");
            return;
        }
        String diff = OutputComparison.difference(Files.readString(expectedFile), actual, tolerance);
        if (diff != null) {
            assertEquals(Files.readString(expectedFile), actual, script + " differs at " + diff);
        }
    }

    private static Optional<String> find(Pattern p, String code) {
        Matcher m = p.matcher(code);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Path expectedFile(Path script) {
        String name = script.getFileName().toString().replace(".soma", ".out");
        return script.resolveSibling(name);
    }
}
