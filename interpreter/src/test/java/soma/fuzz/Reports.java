package soma.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.PolyglotException;
import soma.host.ErrorReporter;

/** What a user would see for an error: the launcher's own report. */
final class Reports {
    private Reports() {}

    static String show(PolyglotException e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ErrorReporter(new PrintStream(out, true, StandardCharsets.UTF_8), false).report(e);
        return out.toString(StandardCharsets.UTF_8);
    }
}
