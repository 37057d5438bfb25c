package soma.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server driven over its protocol, as an editor drives it: JSON-RPC over a pair of pipes. */
class LanguageServerTest {
    private static final String URI = "file:///tmp/test.soma";
    private static final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    private static LanguageServer server;

    @BeforeAll
    static void start() throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        LspMain.serve(serverIn, serverOut);
        var launcher = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut);
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeResult init = server.initialize(new InitializeParams()).get(30, TimeUnit.SECONDS);
        assertTrue(init.getCapabilities().getHoverProvider().getLeft());
    }

    @AfterAll
    static void stop() throws Exception {
        server.shutdown().get(30, TimeUnit.SECONDS);
    }

    @Test
    void reportsASyntaxErrorAtItsRange() throws Exception {
        String text = "let a = 1\nlet b = (a +) * 2\nprint(b)\n";
        open(text);
        PublishDiagnosticsParams params = nextDiagnostics();
        assertEquals(URI, params.getUri());
        assertEquals(1, params.getDiagnostics().size(), params.toString());
        Diagnostic d = params.getDiagnostics().get(0);
        // the ')' where an operand was expected: line 2 (0-based 1), column 13 (0-based 12)
        assertEquals(new Position(1, 12), d.getRange().getStart(), d.toString());
        assertTrue(d.getMessage().contains(")"), d.getMessage());

        // fixing the error clears the diagnostics
        var change = new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(URI, 2),
                List.of(new TextDocumentContentChangeEvent("let a = 1\nlet b = (a + 1) * 2\n")));
        server.getTextDocumentService().didChange(change);
        assertEquals(List.of(), nextDiagnostics().getDiagnostics());
    }

    @Test
    void reportsADeclarationErrorFromTheInterpretersChecks() throws Exception {
        open("fn f() {\n  ode m {\n    dx/dt = -x\n  }\n}\n");
        List<Diagnostic> ds = nextDiagnostics().getDiagnostics();
        assertEquals(1, ds.size(), ds.toString());
        assertTrue(ds.get(0).getMessage().contains("top level"), ds.get(0).getMessage());
        assertEquals(1, ds.get(0).getRange().getStart().getLine());
    }

    @Test
    void completesBuiltinsWithTheirSignatures() throws Exception {
        open("let y = sq");
        nextDiagnostics();
        var items = server.getTextDocumentService()
                .completion(new CompletionParams(new TextDocumentIdentifier(URI), new Position(0, 10)))
                .get(30, TimeUnit.SECONDS)
                .getRight()
                .getItems();
        CompletionItem sqrt = items.stream()
                .filter(i -> i.getLabel().equals("sqrt"))
                .findFirst()
                .orElseThrow();
        assertTrue(sqrt.getDetail().startsWith("sqrt("), sqrt.getDetail());
        assertTrue(items.stream().allMatch(i -> i.getLabel().startsWith("sq")), items.toString());
    }

    @Test
    void showsABuiltinsHelpOnHover() throws Exception {
        open("let r = simulate(m, 10)\n");
        nextDiagnostics();
        Hover hover = server.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(0, 11)))
                .get(30, TimeUnit.SECONDS);
        assertNotNull(hover);
        String shown = hover.getContents().getRight().getValue();
        assertTrue(shown.contains("simulate("), shown);
    }

    private static void open(String text) {
        server.getTextDocumentService()
                .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "soma", 1, text)));
    }

    private static PublishDiagnosticsParams nextDiagnostics() throws InterruptedException {
        PublishDiagnosticsParams p = published.poll(60, TimeUnit.SECONDS);
        assertNotNull(p, "no diagnostics published");
        return p;
    }

    /** Keeps what the server publishes; the rest of the client side is not used. */
    private static final class Client implements LanguageClient {
        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            published.add(params);
        }

        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void showMessage(MessageParams params) {}

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams params) {}
    }
}
