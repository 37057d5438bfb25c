package soma.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;
import soma.SomaLanguage;

/** A script run for its effects (SomaLanguage.RUN_MIME, bin/soma's scripts and -e) behaves as before. */
class RunSourceTest {
    private static final String FAILING = "fn f(n) = if n == 0 { 1 / [1] } else { f(n - 1) }\nf(2)\n";

    @Test
    void printsTheSameAndReturnsNoGuestValue() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = Contexts.newContext(Contexts.Settings.defaults(), System.in, out, out)) {
            var value = c.eval(source("print(40 + 2)\n1 + 2", SomaLanguage.RUN_MIME));
            assertTrue(value.isBoolean(), value.toString());
        }
        assertEquals("42\n", out.toString());
    }

    /** The wrapper is internal: the frames an error shows (ErrorReporter's trace) are the program's. */
    @Test
    void errorsShowTheSameFrames() {
        assertEquals(guestFrames(SomaLanguage.MIME), guestFrames(SomaLanguage.RUN_MIME));
        assertEquals(List.of("f", "f", "f", "<main>"), guestFrames(SomaLanguage.RUN_MIME));
    }

    private static List<String> guestFrames(String mime) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = Contexts.newContext(Contexts.Settings.defaults(), System.in, out, out)) {
            PolyglotException e = assertThrows(PolyglotException.class, () -> c.eval(source(FAILING, mime)));
            List<String> frames = new ArrayList<>();
            for (PolyglotException.StackFrame f : e.getPolyglotStackTrace())
                if (f.isGuestFrame()) frames.add(f.getRootName());
            return frames;
        }
    }

    private static Source source(String code, String mime) {
        return Source.newBuilder(SomaLanguage.ID, code, "<test>").mimeType(mime).buildLiteral();
    }
}
