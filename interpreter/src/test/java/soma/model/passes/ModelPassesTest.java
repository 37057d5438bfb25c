package soma.model.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static soma.model.passes.Ir.add;
import static soma.model.passes.Ir.call;
import static soma.model.passes.Ir.def;
import static soma.model.passes.Ir.eq;
import static soma.model.passes.Ir.matmul;
import static soma.model.passes.Ir.mul;
import static soma.model.passes.Ir.name;
import static soma.model.passes.Ir.num;
import static soma.model.passes.Ir.opaque;
import static soma.model.passes.Ir.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import soma.builtins.Builtins;
import soma.model.Declaration;
import soma.model.ir.Expr;
import soma.model.ir.ModelSource;

/** The model passes on hand-built IR: no parser involved. */
class ModelPassesTest {
    private static final Set<String> RANDOM = Set.of("randn", "rand");

    private static Map<String, ModelSource.Definition> byName(ModelSource.Definition... defs) {
        Map<String, ModelSource.Definition> out = new LinkedHashMap<>();
        for (ModelSource.Definition d : defs) out.put(d.name(), d);
        return out;
    }

    @Test
    void definitionsComeAfterWhatTheyUse() {
        List<Problem> problems = new ArrayList<>();
        // c = b * 2, b = a + 1, a = 3: declared in reverse order of need
        List<String> order = DefinitionOrder.of(
                byName(def("c", mul(name("b"), num(2))), def("b", add(name("a"), num(1))), def("a", num(3))), problems);
        assertEquals(List.of("a", "b", "c"), order);
        assertTrue(problems.isEmpty());
    }

    @Test
    void aCalledFunctionIsADependencyToo() {
        // in setup, a definition named like a function is what a call of that name reaches
        List<String> order =
                DefinitionOrder.of(byName(def("y", call("f", num(2))), def("f", name("g"))), new ArrayList<>());
        assertEquals(List.of("f", "y"), order);
    }

    @Test
    void aCycleIsAProblemAtTheDefinitionWhereItWasEntered() {
        List<Problem> problems = new ArrayList<>();
        ModelSource.Definition p = def("p", add(name("q"), name("x")));
        ModelSource.Definition q = def("q", mul(name("p"), num(2)));
        List<String> order = DefinitionOrder.of(byName(p, q), problems);
        assertEquals(1, problems.size());
        assertEquals(
                "definitions depend on each other in a cycle: p -> q -> p",
                problems.get(0).message());
        assertEquals(p.span(), problems.get(0).span());
        assertEquals(List.of("q", "p"), order); // still a complete order, so later passes can run
    }

    @Test
    void whatDependsOnStateOrTimeIsDynamicTransitively() {
        Map<String, ModelSource.Definition> defs = byName(
                def("k", mul(name("g"), num(2))),
                def("drive", call("sin", name("t"))),
                def("u", add(name("drive"), name("k"))),
                def("r", call("tanh", name("x"))),
                def("W", call("randn", name("N"), name("N"))));
        List<String> order = DefinitionOrder.of(defs, new ArrayList<>());
        Set<String> dynamic = StaticSplit.dynamicNames(List.of("x"), order, defs);
        assertTrue(dynamic.containsAll(Set.of("x", "t", "drive", "u", "r")));
        assertFalse(dynamic.contains("k"));
        assertFalse(dynamic.contains("W"));
    }

    @Test
    void anInvariantCallIsHoistedAndTheEquationReadsIt() {
        List<Problem> problems = new ArrayList<>();
        Hoisting hoisting = new Hoisting(Set.of("x", "t"), RANDOM, problems);
        Expr invariant = add(name("W"), call("eye", name("N"))); // W + eye(N)
        Expr scaled = mul(name("g"), call("sqrt", name("N"))); // g * sqrt(N)
        Expr rhs = add(matmul(invariant, name("x")), mul(scaled, name("x")));
        Expr rewritten = hoisting.rewrite(rhs);
        assertTrue(problems.isEmpty());
        assertEquals(2, hoisting.hoisted().size());
        assertSame(
                invariant,
                hoisting.hoisted().get(0).value()); // the original IR: setup evaluates it from its parse tree
        assertSame(scaled, hoisting.hoisted().get(1).value());
        Expr.Binary sum = (Expr.Binary) rewritten;
        Expr.Binary product = (Expr.Binary) sum.left();
        assertEquals(new Expr.Name("$h0", invariant.span()), product.left());
        assertEquals(new Expr.Name("$h1", scaled.span()), ((Expr.Binary) sum.right()).left());
    }

    @Test
    void noCallNothingDynamicOrAPlainNameIsNotHoisted() {
        Hoisting hoisting = new Hoisting(Set.of("x", "t"), RANDOM, new ArrayList<>());
        Expr noCall = mul(name("a"), name("b"));
        Expr dynamicCall = call("tanh", name("x"));
        assertEquals(noCall, hoisting.rewrite(noCall));
        assertEquals(dynamicCall, hoisting.rewrite(dynamicCall));
        assertTrue(hoisting.hoisted().isEmpty());
    }

    @Test
    void aRandomCallInAnEquationIsAProblemNotHoisted() {
        List<Problem> problems = new ArrayList<>();
        Hoisting hoisting = new Hoisting(Set.of("x", "t"), RANDOM, problems);
        Expr draw = call("randn");
        hoisting.rewrite(add(name("x"), draw));
        assertTrue(hoisting.hoisted().isEmpty());
        assertEquals(1, problems.size());
        assertEquals(draw.span(), problems.get(0).span());
        assertTrue(
                problems.get(0).message().startsWith("'randn' inside an equation would be drawn only once"),
                problems.get(0).message());
    }

    @Test
    void anOpaquePartIsFineHoistedAndAProblemInCompiledCode() {
        List<Problem> problems = new ArrayList<>();
        Hoisting hoisting = new Hoisting(Set.of("x", "t"), RANDOM, problems);
        Expr staticSlice = call("sum", opaque("slicing", List.of("W"), List.of())); // sum(W[:, 0])
        hoisting.rewrite(mul(staticSlice, name("x")));
        assertEquals(1, hoisting.hoisted().size());
        assertTrue(problems.isEmpty());
        Expr dynamicSlice = opaque("slicing", List.of("x"), List.of()); // x[0:2]
        hoisting.rewrite(call("sum", dynamicSlice));
        assertEquals(1, problems.size());
        assertEquals(
                "not allowed in a model's equations: slicing", problems.get(0).message());
    }

    @Test
    void randomCallsAreFoundInsideOpaqueParts() {
        Expr e = call("sum", opaque("slicing", List.of("randn", "N"), List.of("randn")));
        assertEquals("randn", References.firstCall(e, RANDOM));
        assertNull(References.firstCall(call("sum", name("W")), RANDOM));
        assertFalse(References.symbolic(e));
    }

    @Test
    void theAnalysisSplitsOrdersAndGivesStaticsTheirForms() {
        ModelSource model = new ModelSource(
                "Net",
                List.of("N", "g"),
                List.of(state("x")),
                List.of(
                        def("r", call("tanh", name("x"))),
                        def("W", mul(call("randn", name("N"), name("N")), name("g"))),
                        def("k", mul(name("g"), num(2)))),
                List.of(eq("x", add(matmul(name("W"), name("r")), mul(call("sqrt", name("N")), name("x"))))));
        ModelAnalysis.Result result = ModelAnalysis.run(model, RANDOM);
        assertTrue(result.problems().isEmpty());
        assertEquals(
                List.of("r"),
                result.definitions().stream().map(Declaration.Definition::name).toList());
        assertEquals(
                List.of("W", "k", "$h0"),
                result.statics().stream().map(ModelAnalysis.Static::name).toList());
        Declaration.Static w = result.statics().get(0).meaning();
        assertNull(w.form()); // a random draw has no derivative
        assertEquals(Set.of("randn", "N", "g"), w.uses());
        assertTrue(result.statics().get(1).meaning().form() != null);
        assertTrue(result.statics().get(2).hidden());
    }

    @Test
    void equationsMustMatchStates() {
        ModelSource model = new ModelSource(
                "Bad",
                List.of(),
                List.of(state("x"), state("y"), new ModelSource.State("u", true, null, null, Ir.span())),
                List.of(),
                List.of(eq("x", num(0)), eq("z", num(1)), eq("u", num(2))));
        List<String> messages = ModelAnalysis.run(model, RANDOM).problems().stream()
                .map(Problem::message)
                .toList();
        assertEquals(
                List.of(
                        "equation for 'z', which is not a state of Bad (states: x, y, u)",
                        "'u' is an input; inputs have no equations",
                        "state 'y' has no equation (add dy/dt = ...)"),
                messages);
    }

    @Test
    void theRandomBuiltinsAreMarkedNotStatelessWhereTheyAreRegistered() {
        assertEquals(
                // ensemble draws its tasks' base seed from the session's generator
                Set.of("rand", "randn", "normal", "uniform", "choice", "permutation", "randint", "ensemble"),
                Set.copyOf(Builtins.notStateless()));
    }
}
