package soma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The package layering, checked on the compiled classes: the numeric core stands alone, and
 * package cycles stay inside the language core.
 */
class ArchitectureTest {
    /** tensor, linalg and random may use each other (and the JDK, EJML), nothing else of Soma. */
    private static final Set<String> NUMERIC_CORE = Set.of("soma.tensor", "soma.linalg", "soma.random");

    /**
     * Crash-safe file writes ({@code soma.io}), which the tensor's CSV files use: a leaf that uses
     * nothing of Soma, so the numeric core may use it and still stand alone.
     */
    private static final String FILE_WRITES = "soma.io";

    /**
     * The language core, whose packages may use each other freely, as in every Truffle language:
     * the language and context ({@code soma}), the parser, the AST nodes (including the nodes of
     * model declarations and of the epi and flow statements, which the parser builds), and the
     * builtins the context installs. The runtime values are not in it: everything depends on them,
     * so they depend on nothing above.
     */
    private static final Set<String> LANGUAGE_CORE = Set.of(
            "soma",
            "soma.parser",
            "soma.builtins",
            "soma.builtins.options",
            "soma.model.ast",
            "soma.epi.nodes",
            "soma.flow.nodes",
            "soma.nodes",
            "soma.nodes.access",
            "soma.nodes.calls",
            "soma.nodes.control",
            "soma.nodes.literals",
            "soma.nodes.ops",
            "soma.nodes.scope",
            "soma.nodes.variables");

    /**
     * Cycles not removed yet, each a debt to pay off, not a permission to grow. None is left (the
     * launcher and REPL now live in their own module); a package that joins a cycle outside the
     * language core fails this test.
     */
    private static final Set<String> KNOWN_DEBT = Set.of();

    /**
     * The libraries the builtins call: models, their derivatives and passes, the integrators,
     * inference and analysis. They are given the language and a {@link soma.runtime.Host} (what
     * they need of the context) rather than reaching into the language core.
     */
    private static final List<String> LIBRARIES =
            List.of("soma.model", "soma.model.diff", "soma.model.passes", "soma.numerics", "soma.epi", "soma.analysis");

    private static final PackageGraph GRAPH = PackageGraph.ofCompiledClasses();

    @Test
    void numericCoreUsesNothingElseOfSoma() {
        Map<String, Object> outside = new TreeMap<>();
        for (String p : NUMERIC_CORE) {
            assertTrue(GRAPH.edges.containsKey(p), "no classes found for " + p);
            for (String to : GRAPH.edges.get(p)) {
                if (!NUMERIC_CORE.contains(to) && !to.equals(FILE_WRITES))
                    outside.put(p + " -> " + to, GRAPH.reasons.get(p + " -> " + to));
            }
        }
        assertEquals(Map.of(), outside, "the numeric core must not depend on the interpreter");
        assertEquals(Set.of(), GRAPH.edges.get(FILE_WRITES), "soma.io must use nothing of Soma");
    }

    @Test
    void tensorIsTheBottom() {
        assertEquals(Set.of(FILE_WRITES), GRAPH.edges.get("soma.tensor"));
        assertEquals(Set.of("soma.tensor"), GRAPH.edges.get("soma.random"));
        assertEquals(Set.of("soma.tensor"), GRAPH.edges.get("soma.linalg"));
    }

    @Test
    void runtimeValuesDependOnlyOnTheNumericCore() {
        Set<String> above = new TreeSet<>(GRAPH.edges.get("soma.runtime"));
        above.removeAll(NUMERIC_CORE);
        assertEquals(Set.of(), above, "runtime uses " + above + ": " + reasons("soma.runtime", above));
    }

    @Test
    void librariesDoNotUseTheLanguageCore() {
        Map<String, Object> inward = new TreeMap<>();
        for (String p : LIBRARIES) {
            assertTrue(GRAPH.edges.containsKey(p), "no classes found for " + p);
            for (String to : GRAPH.edges.get(p)) {
                if (LANGUAGE_CORE.contains(to)) inward.put(p + " -> " + to, GRAPH.reasons.get(p + " -> " + to));
            }
        }
        assertEquals(Map.of(), inward, "the libraries must not use the language core");
    }

    @Test
    void noPackageCycleOutsideTheLanguageCore() {
        List<Set<String>> cycles = GRAPH.cycles();
        for (Set<String> cycle : cycles) {
            Set<String> outside = new TreeSet<>(cycle);
            outside.removeAll(LANGUAGE_CORE);
            outside.removeAll(KNOWN_DEBT);
            assertEquals(Set.of(), outside, "packages in a cycle outside the language core: " + cycle);
        }
    }

    @Test
    void layersBelowTheCoreAreAcyclic() {
        List<String> below = new ArrayList<>(List.of(
                "soma.runtime",
                "soma.autodiff",
                "soma.optim",
                "soma.flow",
                "soma.plot",
                "soma.util",
                "soma.io",
                "soma.model.ir",
                "soma.model.nodes",
                "soma.tensor",
                "soma.linalg",
                "soma.random"));
        below.addAll(LIBRARIES);
        for (Set<String> cycle : GRAPH.cycles()) {
            for (String p : below) {
                assertTrue(!cycle.contains(p), p + " is in the cycle " + cycle);
            }
        }
    }

    private static Map<String, Object> reasons(String from, Set<String> targets) {
        Map<String, Object> out = new TreeMap<>();
        for (String to : targets) out.put(to, GRAPH.reasons.get(from + " -> " + to));
        return out;
    }
}
