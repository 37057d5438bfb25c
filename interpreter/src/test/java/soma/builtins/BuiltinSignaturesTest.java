package soma.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Walks every builtin and method: its help is there, help shows its defaults, and every argument
 * its Java body reads by name is a parameter it has (Args fails loudly at run time on a name
 * that is not; this finds such a read before any script runs it).
 */
class BuiltinSignaturesTest {
    private static final Path SOURCES = Path.of("src/main/java/soma/builtins");
    /** a.num("dt"), a.given("to"), ... and helpers that take the parameter name after the Args: tensor(a, "x"). */
    private static final Pattern READ = Pattern.compile(
            "\\ba\\.(?:get|given|num|integer|atLeast|positive|str|bool|list|record|model|function|wrongType|accepts)\\(\"([^\"]*)\"|\\b(?:tensor|tensors|Shapes\\.of|positive|bound|region|points|Names\\.read)\\(a, \"([^\"]*)\"");

    private static final Pattern OPTION_GROUP = Pattern.compile("\\b(\\w+Options)\\.read\\(a\\)");

    @Test
    void everyBuiltinHasHelpAndShowsItsDefaults() {
        List<String> lines = Builtins.describe();
        assertTrue(Builtins.every().size() > 140, "walked " + Builtins.every().size() + " builtins");
        for (Builtin b : Builtins.every()) {
            assertFalse(b.help.isBlank(), b.name + " has no help");
            String shown = b.describe();
            String[] names = b.signature.names;
            for (int i = 0; i < names.length; i++) {
                Matcher m = Pattern.compile("[(,] ?(?:\\.\\.\\.|\\*\\*)?" + names[i] + "( = |[,)])")
                        .matcher(shown);
                assertTrue(m.find(), shown + " misses " + names[i]);
                assertEquals(b.signature.hasDefault[i], m.group(1).equals(" = "), shown + ": default of " + names[i]);
            }
            assertTrue(
                    lines.stream().anyMatch(l -> l.startsWith(shown + "  -  ") || l.contains("." + shown + "  -  ")),
                    "help lists " + shown);
        }
        assertTrue(
                lines.stream()
                        .anyMatch(
                                l -> l.startsWith("simulate(model, t = nil, dt = 0.01, steps = nil, method = \"rk4\"")),
                "simulate's help");
    }

    @Test
    void everyArgumentReadNamesAParameter() throws IOException {
        int reads = 0;
        for (Path file : javaFiles()) {
            String group = file.getFileName().toString().replace(".java", "");
            String source = Files.readString(file);
            Set<String> parameters = new HashSet<>();
            for (Builtin b : Builtins.group(group)) parameters.addAll(List.of(b.signature.names));
            if (parameters.isEmpty()) parameters = parametersOfGroupsUsing(group);
            List<String> bad = unknownReads(source, parameters);
            assertTrue(bad.isEmpty(), file + " reads arguments no builtin of it has: " + bad);
            reads += reads(source).size();
        }
        assertTrue(
                reads > 300, "found only " + reads + " argument reads: has the way builtins read arguments changed?");
    }

    @Test
    void theScanWouldCatchAMisnamedRead() {
        assertEquals(
                List.of("dtt"),
                unknownReads("double dt = a.num(\"dtt\"); Tensor x = tensor(a, \"x\");", Set.of("x", "dt")));
    }

    @Test
    void noArgumentIsReadByPosition() throws IOException {
        Pattern positional =
                Pattern.compile("\\ba\\.(num|integer|str|bool|list|record|given|get|model|function)\\([0-9]");
        for (Path file : javaFiles())
            assertFalse(positional.matcher(Files.readString(file)).find(), file + " reads an argument by position");
    }

    @Test
    void readingANameTheSignatureLacksFailsLoudly() {
        Builtin b = new Builtin("f(x, dt = 0.01)", "test", a -> a.num("dtt"));
        Args args = new Args(b, new Object[] {1.0, 0.01}, null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.body.apply(args));
        assertTrue(e.getMessage().contains("'dtt'"), e.getMessage());
        assertEquals(0.01, args.num("dt"));
    }

    /** The names read in a file that are not in {@code parameters}. */
    static List<String> unknownReads(String source, Set<String> parameters) {
        List<String> bad = new ArrayList<>();
        for (String name : reads(source)) if (!parameters.contains(name)) bad.add(name);
        return bad;
    }

    private static List<String> reads(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = READ.matcher(source);
        while (m.find()) out.add(m.group(1) != null ? m.group(1) : m.group(2));
        return out;
    }

    /** For a shared option group (SimulationOptions): the parameters of the builtins in files that call its read(a). */
    private static Set<String> parametersOfGroupsUsing(String optionGroup) throws IOException {
        Set<String> out = new HashSet<>();
        for (Path file : javaFiles()) {
            Matcher m = OPTION_GROUP.matcher(Files.readString(file));
            while (m.find()) {
                if (!m.group(1).equals(optionGroup)) continue;
                for (Builtin b : Builtins.group(file.getFileName().toString().replace(".java", "")))
                    out.addAll(List.of(b.signature.names));
            }
        }
        return out;
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
