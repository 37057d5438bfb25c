package soma.host;

import java.util.ArrayList;
import java.util.List;
import soma.builtins.Builtins;

/** Names to complete and builtin help to show, for front ends outside this module (REPL, notebook kernel). */
public final class Help {
    public static final List<String> KEYWORDS = List.of(
            "let",
            "fn",
            "return",
            "if",
            "else",
            "while",
            "for",
            "in",
            "break",
            "continue",
            "import",
            "true",
            "false",
            "nil",
            "and",
            "or",
            "not",
            "network",
            "ode",
            "constraint",
            "flow",
            "state",
            "input",
            "repeat",
            "support",
            "symmetry",
            "mixture");

    private Help() {}

    /** Keywords and builtin names (not yet the session's own globals). */
    public static List<String> names() {
        List<String> names = new ArrayList<>(KEYWORDS);
        names.addAll(Builtins.names());
        return names;
    }

    /** Signature and help of every builtin, sorted, as {@code :builtins} prints them. */
    public static List<String> all() {
        return Builtins.describe();
    }

    /**
     * The signature and help of the builtin (or method, "tensor.reshape") called {@code name}, one
     * line each as {@code :builtins} prints them; empty when there is none.
     */
    public static List<String> describe(String name) {
        List<String> out = new ArrayList<>();
        for (String line : Builtins.describe()) {
            int paren = line.indexOf('(');
            int dash = line.indexOf("  -  ");
            int end = paren >= 0 && (dash < 0 || paren < dash) ? paren : dash;
            String head = end < 0 ? line : line.substring(0, end);
            if (head.equals(name) || head.endsWith("." + name)) out.add(line);
        }
        return out;
    }
}
