package soma.io;

import java.io.File;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import soma.SomaLanguage;
import soma.host.Contexts;

/**
 * A script run in a JVM of its own, as bin/soma runs it (the launcher is another module): for
 * tests that kill the process midway.
 */
final class ScriptProcess {
    private ScriptProcess() {}

    public static void main(String[] args) throws Exception {
        try (Context context = Contexts.newContext(Contexts.Settings.defaults(), System.in, System.out, System.err)) {
            context.eval(Source.newBuilder(SomaLanguage.ID, new File(args[0])).build());
        } catch (PolyglotException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
