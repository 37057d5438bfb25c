package soma.lsp;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import soma.host.Help;

/** Keywords and builtins (with their signatures) from the interpreter's own help. */
final class Completions {
    private Completions() {}

    static List<CompletionItem> of(String prefix) {
        List<CompletionItem> items = new ArrayList<>();
        for (String name : Help.names().stream().distinct().sorted().toList()) {
            if (!name.startsWith(prefix)) continue;
            CompletionItem item = new CompletionItem(name);
            if (Help.KEYWORDS.contains(name)) {
                item.setKind(CompletionItemKind.Keyword);
            } else {
                List<String> help = Help.describe(name);
                item.setKind(help.isEmpty() ? CompletionItemKind.Constant : CompletionItemKind.Function);
                if (!help.isEmpty()) {
                    item.setDetail(signature(help.get(0)));
                    item.setDocumentation(markdown(help));
                }
            }
            items.add(item);
        }
        return items;
    }

    /** The builtin's signature and help, or null when the word is not a builtin. */
    static Hover hover(String word) {
        if (word.isEmpty()) return null;
        List<String> help = Help.describe(word);
        return help.isEmpty() ? null : new Hover(markdown(help));
    }

    private static String signature(String line) {
        int dash = line.indexOf("  -  ");
        return dash < 0 ? line : line.substring(0, dash);
    }

    private static MarkupContent markdown(List<String> help) {
        StringBuilder sb = new StringBuilder();
        for (String line : help) {
            int dash = line.indexOf("  -  ");
            String sig = dash < 0 ? line : line.substring(0, dash);
            String text = dash < 0 ? "" : line.substring(dash + 5);
            if (!sb.isEmpty()) sb.append("\n\n");
            sb.append("```soma\n").append(sig).append("\n```\n").append(text);
        }
        return new MarkupContent(MarkupKind.MARKDOWN, sb.toString());
    }
}
