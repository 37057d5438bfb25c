package soma.host;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import soma.builtins.Builtins;
import soma.parser.antlr.SomaLexer;
import soma.parser.antlr.SomaParser;
import soma.util.StartupTrace;

/**
 * Work every start needs, begun on a second thread while the launcher's thread builds the
 * Truffle engine (issue 20): registering the builtins, and ANTLR's first parse (reading the
 * grammar's ATN, filling its prediction caches). Both are Soma's own classes and ANTLR's, none of
 * Truffle's, so the two threads never wait on each other's class initialisation. It is only a
 * head start: should it fail or be late, the main thread does the same work when it needs it.
 */
public final class HeadStart {
    /** A little of every common construct: statements, calls with named and default arguments, strings. */
    private static final String PROGRAM = """
            let tau = 12.5
            fn cubic(v, I = 0) = v - v^3 / 3 + I
            let xs = [1, 2, 3]
            for k in 0..3 {
                let kind = if k > 1 { "high" } else { "low" }
                print("k = {k}: {kind}, {fmt(cubic(k, I: 0.5), 3)}", xs[-1], xs[1:])
            }
            print({a: 1, b: "x"}.a)
            """;

    private HeadStart() {}

    /** -Dsoma.headStart=false: without it, to measure what it gains. */
    public static void begin() {
        if (!Boolean.parseBoolean(System.getProperty("soma.headStart", "true"))) return;
        Thread worker = new Thread(HeadStart::run, "soma-head-start");
        worker.setDaemon(true);
        worker.start();
    }

    private static void run() {
        try {
            Builtins.names();
            SomaLexer lexer = new SomaLexer(CharStreams.fromString(PROGRAM));
            lexer.removeErrorListeners();
            SomaParser parser = new SomaParser(new CommonTokenStream(lexer));
            parser.removeErrorListeners();
            parser.program();
        } catch (RuntimeException | LinkageError e) {
            // nothing lost: the main thread does this work itself when it gets there
        }
        StartupTrace.mark("head start done");
    }
}
