package soma.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.truffle.api.debug.Breakpoint;
import com.oracle.truffle.api.debug.DebugScope;
import com.oracle.truffle.api.debug.DebugStackFrame;
import com.oracle.truffle.api.debug.DebugValue;
import com.oracle.truffle.api.debug.Debugger;
import com.oracle.truffle.api.debug.DebuggerSession;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;
import soma.host.Contexts;

/**
 * A real debugging session through Truffle's debugger API (what Chrome DevTools and VS Code drive
 * through --inspect and --dap): a breakpoint on a line stops there, locals and globals read as
 * Soma shows them, stepping goes to the next statement, and continuing runs to the end.
 */
class DebuggerTest {
    private static final String SCRIPT = """
            let data = [1, 2, 3]
            let weights = zeros(2, 3)
            fn scale(x) {
                let y = x * 2
                let z = y + len(data)
                z
            }
            let r = scale(20)
            print("r = {r}")
            """;

    /** What the debugger saw at one stop. */
    record Stop(int line, String function, Map<String, String> locals, List<String> stack) {}

    @Test
    void stopsAtABreakpointReadsLocalsStepsAndContinues() throws Exception {
        Source source = Source.newBuilder("soma", SCRIPT, "debugged.soma").build();
        List<Stop> stops = new ArrayList<>();
        Map<String, String> globals = new TreeMap<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Contexts.newContext(Contexts.Settings.defaults(), System.in, out, out)) {
            Debugger debugger = Debugger.find(context.getEngine());
            try (DebuggerSession session = debugger.startSession(event -> {
                DebugStackFrame top = event.getTopStackFrame();
                Map<String, String> locals = new TreeMap<>();
                for (DebugValue v : top.getScope().getDeclaredValues()) locals.put(v.getName(), v.toDisplayString());
                List<String> stack = new ArrayList<>();
                for (DebugStackFrame f : event.getStackFrames()) stack.add(f.getName());
                stops.add(new Stop(event.getSourceSection().getStartLine(), top.getName(), locals, stack));
                if (stops.size() == 1) {
                    DebugScope top2 = event.getSession().getTopScope("soma");
                    for (String name : List.of("data", "weights"))
                        globals.put(name, top2.getDeclaredValue(name).toDisplayString());
                    event.prepareStepOver(1);
                } else {
                    event.prepareContinue();
                }
            })) {
                session.install(Breakpoint.newBuilder(source.getURI()).lineIs(5).build());
                context.eval(source);
            }
        }
        assertEquals(2, stops.size(), stops.toString());
        Stop first = stops.get(0);
        assertEquals(5, first.line());
        assertEquals("scale", first.function());
        assertEquals(List.of("scale", "<main>"), first.stack());
        assertEquals("20", first.locals().get("x"), first.toString());
        assertEquals("40", first.locals().get("y"), first.toString());
        assertTrue(!first.locals().containsKey("z") || first.locals().get("z").equals("nil"), first.toString());
        Stop second = stops.get(1);
        assertEquals(6, second.line(), "step over goes to the next statement");
        assertEquals("43", second.locals().get("z"), second.toString());
        assertEquals("[1, 2, 3]", globals.get("data"));
        assertTrue(
                globals.get("weights").contains("2")
                        && globals.get("weights").contains("3")
                        && globals.get("weights").contains("0"),
                "tensor shape and first elements: " + globals.get("weights"));
        assertEquals("r = 43\n", out.toString(), "the script ran to its end");
    }
}
