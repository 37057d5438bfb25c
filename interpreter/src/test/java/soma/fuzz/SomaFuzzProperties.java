package soma.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import soma.builtins.Builtins;
import soma.fuzz.Outcomes.Kind;
import soma.fuzz.Outcomes.Outcome;

/**
 * Property: whatever the program, Soma answers with a result or a located Soma error, never an
 * internal error, a Java trace, a hang or a crash. Programs are token soups, mutated example
 * scripts, known-hard inputs (deep nesting, huge numbers, control characters) and calls of every
 * builtin with generated argument values. Tries per property: -Djqwik.tries.default=N.
 */
class SomaFuzzProperties {
    private static final Path HOME =
            Path.of(System.getProperty("soma.home", "..")).toAbsolutePath().normalize();
    /** Builtins that open windows, write image files or train for minutes: not called with generated arguments. */
    private static final Set<String> SKIPPED =
            Set.of("plot", "scatter", "hist", "hist2d", "pairplot", "heatmap", "phase_portrait", "epi", "help");

    private static Path workDir;
    private static Outcomes outcomes;
    private static List<String> examples;

    @BeforeContainer
    static void start() throws IOException {
        workDir = Files.createTempDirectory("soma-fuzz");
        outcomes = new Outcomes(workDir, Duration.ofSeconds(2));
        try (Stream<Path> files = Files.list(HOME.resolve("examples"))) {
            List<String> texts = new ArrayList<>();
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".soma")).sorted().toList()) texts.add(Files.readString(p));
            examples = texts;
        }
    }

    @AfterContainer
    static void report() {
        System.out.println("soma fuzz: " + outcomes.total() + " programs tried; outcomes " + outcomes.counts());
        for (String t : outcomes.timeouts) System.out.println("soma fuzz: over 2 s: " + t.replace("\n", "\\n"));
        outcomes.close();
    }

    @Property
    void tokenSoupsRunToAValueOrALocatedError(@ForAll("tokenSoups") String program) {
        check(outcomes.run(program, false));
    }

    @Property
    void mutatedExamplesParseOrGiveALocatedError(@ForAll("mutatedExamples") String program) {
        check(outcomes.run(program, true));
    }

    @Property
    void builtinCallsGiveAValueOrALocatedError(@ForAll("builtinCalls") String program) {
        check(outcomes.run(program, false));
    }

    private static void check(Outcome o) {
        if (o.kind() == Kind.INTERNAL_ERROR || o.kind() == Kind.UNLOCATED_ERROR) {
            throw new AssertionError(o.kind() + ":\n" + o.detail());
        }
    }

    // ---------------------------------------------------------------- generators

    private static final List<String> TOKENS = List.of(
            "let",
            "x",
            "y",
            "f",
            "fn",
            "=",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            ",",
            ";",
            "\n",
            "+",
            "-",
            "*",
            "/",
            "^",
            "%",
            "@",
            "..",
            "==",
            "<",
            "and",
            "or",
            "not",
            "if",
            "else",
            "while",
            "for",
            "in",
            "return",
            "break",
            "continue",
            "import",
            "true",
            "false",
            "nil",
            "0",
            "1",
            "-1",
            "2.5",
            "1e308",
            "1e-320",
            "1_000",
            "1__0",
            "nan",
            "inf",
            "\"s\"",
            "\"{x}\"",
            "\"",
            ":",
            ".",
            "print",
            "len",
            "zeros",
            "network",
            "ode",
            "constraint",
            "state",
            "input",
            "x'",
            "d",
            "#",
            "\\",
            "\u0001",
            "\uFEFF",
            "\t",
            "€",
            "e",
            "1.",
            ".5");

    @Provide
    Arbitrary<String> tokenSoups() {
        Arbitrary<String> soup =
                Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(40).map(ts -> String.join(" ", ts));
        Arbitrary<String> nested = Combinators.combine(
                        Arbitraries.of("(", "[", "{", "-", "not ", "f(", "1+"),
                        Arbitraries.of(10, 999, 1001, 5000, 100_000))
                .as((open, n) -> "let x = " + open.repeat(n) + "1");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, soup), net.jqwik.api.Tuple.of(1, nested));
    }

    @Provide
    Arbitrary<String> mutatedExamples() {
        Arbitrary<String> example = Arbitraries.of(examples);
        Arbitrary<Integer> at = Arbitraries.integers().between(0, 100_000);
        Arbitrary<String> token = Arbitraries.of(TOKENS);
        return Combinators.combine(
                        example, at, at, token, Arbitraries.integers().between(0, 3))
                .as((text, a, b, t, how) -> {
                    int i = Math.min(a, text.length()), j = Math.min(text.length(), i + b % 40);
                    return switch (how) {
                        case 0 -> text.substring(0, i) + text.substring(j); // delete a stretch
                        case 1 -> text.substring(0, i) + t + text.substring(i); // insert a token
                        case 2 -> text.substring(0, i); // cut off
                        default ->
                            text.substring(0, j) + text.substring(i, j) + text.substring(j); // duplicate a stretch
                    };
                });
    }

    private static final List<String> VALUES = List.of(
            "0",
            "-1",
            "1",
            "2",
            "3",
            "0.5",
            "nan",
            "inf",
            "-inf",
            "1e300",
            "1e9",
            "1e12",
            "-1e9",
            "[]",
            "[1, 2, 3]",
            "[[1, 2], [3, 4]]",
            "[[1, 2], [3]]",
            "[\"a\", 1]",
            "\"\"",
            "\"s\"",
            "\"rk4\"",
            "{}",
            "{a: 1, b: [2]}",
            "nil",
            "true",
            "fn(x) = x",
            "fn(a, b) = a + b",
            "0..3",
            "0..1e10",
            "zeros(2, 2)",
            "eye(3)",
            "randn(3)",
            "[nan, inf]",
            "zeros(0)",
            "zeros(2, 0)",
            "[[1, 2], [2, 1]]",
            "range(5)");
    private static final List<String> OPTIONS = List.of(
            "t", "dt", "n", "axis", "steps", "every", "record", "seed", "x0", "tol", "method", "samples", "bins", "lr",
            "epochs", "size", "over", "params", "k", "ddof", "p");

    @Provide
    Arbitrary<String> builtinCalls() {
        List<String> names = Builtins.names().stream()
                .filter(n -> !SKIPPED.contains(n))
                .sorted()
                .toList();
        Arbitrary<String> positional =
                Arbitraries.of(VALUES).list().ofMaxSize(4).map(vs -> String.join(", ", vs));
        Arbitrary<String> named = Combinators.combine(Arbitraries.of(OPTIONS), Arbitraries.of(VALUES))
                .as((k, v) -> k + ": " + v)
                .list()
                .ofMaxSize(2)
                .map(vs -> String.join(", ", vs));
        return Combinators.combine(Arbitraries.of(names), positional, named)
                .as((f, p, n) -> "print(" + f + "(" + p + (p.isEmpty() || n.isEmpty() ? "" : ", ") + n + "))");
    }
}
