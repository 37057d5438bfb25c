package soma.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** {@code soma --lsp}: the language server, speaking LSP over standard input and output. */
public final class LspMain {
    private LspMain() {}

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        InputStream in = System.in;
        OutputStream out = System.out;
        // stdout carries the protocol: anything else printed there would corrupt it
        System.setOut(new PrintStream(System.err, true));
        serve(in, out).get();
        System.exit(0);
    }

    /** Serves one client until its stream ends; the future completes then. */
    public static Future<Void> serve(InputStream in, OutputStream out) {
        SomaLanguageServer server = new SomaLanguageServer();
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        return launcher.startListening();
    }
}
