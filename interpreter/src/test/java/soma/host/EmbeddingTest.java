package soma.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soma.SomaLanguage;

/** Soma inside a host program: a shared engine, a context without file access, program arguments. */
class EmbeddingTest {
    /**
     * The language is ContextPolicy.SHARED: one engine's contexts run the same ASTs. Each must see
     * its own globals, also after the first context's nodes have cached their cells and run hot.
     */
    @Test
    void contextsOfOneEngineKeepTheirOwnGlobals() {
        Source define = Source.create(SomaLanguage.ID, "let g = 0\nfn bump(k) { g = g + k\n g }\n");
        Source use = Source.create(SomaLanguage.ID, "let s = 0\nfor i in range(2000) { s = bump(1) }\nprint(g, s)\n");
        try (Engine engine = Engine.newBuilder(SomaLanguage.ID)
                .option("engine.WarnInterpreterOnly", "false")
                .build()) {
            ByteArrayOutputStream outA = new ByteArrayOutputStream(), outB = new ByteArrayOutputStream();
            try (Context a = Context.newBuilder(SomaLanguage.ID)
                            .engine(engine)
                            .out(outA)
                            .err(outA)
                            .build();
                    Context b = Context.newBuilder(SomaLanguage.ID)
                            .engine(engine)
                            .out(outB)
                            .err(outB)
                            .build()) {
                a.eval(define);
                a.eval(use);
                b.eval(define);
                b.eval(Source.create(SomaLanguage.ID, "g = 100000"));
                b.eval(use);
                a.eval(use);
            }
            assertEquals("2000 2000\n4000 4000\n", outA.toString(StandardCharsets.UTF_8));
            assertEquals("102000 102000\n", outB.toString(StandardCharsets.UTF_8));
        }
    }

    /** An embedder that denies I/O gets a Soma error from save_csv, and no file. */
    @Test
    void aContextWithoutIoCannotWriteOrReadFiles(@TempDir Path dir) {
        Path file = dir.resolve("x.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = Context.newBuilder(SomaLanguage.ID)
                .allowIO(IOAccess.NONE)
                .out(out)
                .err(out)
                .option("engine.WarnInterpreterOnly", "false")
                .build()) {
            PolyglotException e = assertThrows(
                    PolyglotException.class,
                    () -> c.eval(
                            SomaLanguage.ID, "save_csv(\"" + file.toString().replace("\\", "/") + "\", [1, 2])"));
            assertTrue(e.isGuestException(), "a Soma error, not a host exception: " + e);
            assertEquals(
                    "save_csv: cannot save the CSV file to " + file + ": file access is not allowed in this context",
                    e.getMessage());
            e = assertThrows(PolyglotException.class, () -> c.eval(SomaLanguage.ID, "load_csv(\"/etc/hostname\")"));
            assertTrue(e.getMessage().endsWith("file access is not allowed in this context"), e.getMessage());
        }
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(dir.resolve("x.csv.tmp")));
    }

    /** Script arguments travel as the standard polyglot application arguments. */
    @Test
    void programArgumentsAreTheApplicationArguments() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = Contexts.newContext(
                Contexts.Settings.defaults().withArgs(List.of("8", "a b", "")), System.in, out, out)) {
            c.eval(SomaLanguage.ID, "print(len(args()), args()[0], args()[1])");
        }
        assertEquals("3 8 a b\n", out.toString(StandardCharsets.UTF_8));
        out.reset();
        try (Context c = Context.newBuilder(SomaLanguage.ID)
                .arguments(SomaLanguage.ID, new String[] {"x"})
                .out(out)
                .option("engine.WarnInterpreterOnly", "false")
                .build()) {
            c.eval(SomaLanguage.ID, "print(args())");
        }
        assertEquals("[\"x\"]\n", out.toString(StandardCharsets.UTF_8));
    }
}
