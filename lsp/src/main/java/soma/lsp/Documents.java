package soma.lsp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/** The open documents: each is checked when opened or changed, and answers completion and hover. */
final class Documents implements TextDocumentService {
    private final Map<String, String> texts = new ConcurrentHashMap<>();
    private final Checker checker = new Checker();
    private LanguageClient client;

    void connect(LanguageClient client) {
        this.client = client;
    }

    void close() {
        checker.close();
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        update(params.getTextDocument().getUri(), params.getTextDocument().getText());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        // full synchronization: the last change is the whole text
        var changes = params.getContentChanges();
        if (!changes.isEmpty())
            update(
                    params.getTextDocument().getUri(),
                    changes.get(changes.size() - 1).getText());
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        texts.remove(uri);
        if (client != null) client.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {}

    private void update(String uri, String text) {
        texts.put(uri, text);
        if (client != null) client.publishDiagnostics(new PublishDiagnosticsParams(uri, checker.check(text)));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        String text = texts.getOrDefault(params.getTextDocument().getUri(), "");
        String prefix = Words.before(text, params.getPosition());
        return CompletableFuture.completedFuture(Either.forRight(new CompletionList(false, Completions.of(prefix))));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        String text = texts.getOrDefault(params.getTextDocument().getUri(), "");
        return CompletableFuture.completedFuture(Completions.hover(Words.at(text, params.getPosition())));
    }
}
