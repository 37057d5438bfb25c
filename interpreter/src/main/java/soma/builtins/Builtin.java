package soma.builtins;

import java.util.ArrayList;
import java.util.List;
import soma.SomaContext;
import soma.runtime.Missing;
import soma.runtime.Nil;
import soma.runtime.Signature;
import soma.runtime.SomaList;

/**
 * One builtin function: its signature, written like Soma ({@code "linspace(a, b, n = 50)"},
 * {@code "print(...values, sep = \" \")"} for extra positional arguments,
 * {@code "plot(x, y, **options)"} for extra named ones), a one-line help text, and its body.
 */
public final class Builtin {
    /** The Java side of a builtin. Arguments arrive bound to parameters, defaults applied. */
    @FunctionalInterface
    public interface Body {
        Object apply(Args args);
    }

    public final String name;
    public final Signature signature;
    final Object[] defaults;
    /** Each parameter's default as written in the spec ("0.01", "\"rk4\"", "nil"), or null: for help. */
    private final String[] defaultTexts;

    public final String help;
    final Body body;

    /**
     * Runs the body on a call's frame arguments ({@code [closure, p0, p1, ...]}): parameters the
     * call left out get their defaults. {@code receiver} is the value a method was called on, or null.
     */
    Object run(Object[] frameArgs, SomaContext context, Object receiver) {
        Object[] values = new Object[frameArgs.length - 1];
        for (int i = 0; i < values.length; i++) {
            Object v = frameArgs[i + 1];
            values[i] = v == Missing.INSTANCE ? defaults[i] : v;
        }
        return body.apply(new Args(this, values, context, receiver));
    }

    Builtin(String spec, String help, Body body) {
        int open = spec.indexOf('(');
        this.name = spec.substring(0, open).trim();
        String inner = spec.substring(open + 1, spec.lastIndexOf(')')).trim();
        List<String> names = new ArrayList<>();
        List<Object> defaultValues = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        int varargsIndex = -1;
        boolean options = false;
        if (!inner.isEmpty()) {
            for (String part : splitTopLevel(inner)) {
                String p = part.trim();
                if (p.startsWith("...")) {
                    varargsIndex = names.size();
                    p = p.substring(3);
                } else if (p.startsWith("**")) {
                    options = true;
                    p = p.substring(2);
                }
                int eq = p.indexOf('=');
                names.add((eq < 0 ? p : p.substring(0, eq)).trim());
                defaultValues.add(eq < 0 ? null : literal(p.substring(eq + 1).trim()));
                texts.add(eq < 0 ? null : p.substring(eq + 1).trim());
            }
        }
        boolean[] hasDefault = new boolean[names.size()];
        for (int i = 0; i < hasDefault.length; i++) hasDefault[i] = defaultValues.get(i) != null;
        this.signature = new Signature(name, names.toArray(new String[0]), hasDefault, varargsIndex, options);
        this.defaults = defaultValues.toArray();
        this.defaultTexts = texts.toArray(new String[0]);
        this.help = help;
        this.body = body;
    }

    /**
     * The position of parameter {@code parameter}. A body that reads a name its signature does not
     * have is a bug in Soma, not in the script: it fails loudly (and BuiltinSignaturesTest finds it
     * before it ships).
     */
    int index(String parameter) {
        String[] names = signature.names;
        for (int i = 0; i < names.length; i++) if (names[i].equals(parameter)) return i;
        throw new IllegalStateException(
                "builtin " + name + " reads '" + parameter + "', which is not in its signature " + describe());
    }

    boolean accepts(String parameter) {
        for (String n : signature.names) if (n.equals(parameter)) return true;
        return false;
    }

    /** The signature as help shows it, with defaults: {@code simulate(model, t = nil, dt = 0.01, ...)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(name).append('(');
        String[] names = signature.names;
        for (int i = 0; i < names.length; i++) {
            if (i > 0) sb.append(", ");
            if (i == signature.varargsIndex()) sb.append("...");
            if (signature.options && i == names.length - 1) sb.append("**");
            sb.append(names[i]);
            if (defaultTexts[i] != null) sb.append(" = ").append(defaultTexts[i]);
        }
        return sb.append(')').toString();
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') quoted = !quoted;
            if (!quoted && (c == '[' || c == '(')) depth++;
            if (!quoted && (c == ']' || c == ')')) depth--;
            if (!quoted && depth == 0 && c == ',') {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** "[-2, 2]": an immutable list of numbers, for defaults such as a search box. */
    private static Object numberList(String text) {
        List<Object> items = new ArrayList<>();
        for (String part : text.substring(1, text.length() - 1).split(",")) items.add(Double.parseDouble(part.trim()));
        return new SomaList(List.copyOf(items));
    }

    private static Object literal(String text) {
        if (text.startsWith("\"")) return text.substring(1, text.length() - 1);
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "nil" -> Nil.INSTANCE;
            case "[]" -> new SomaList(List.of()); // immutable: a shared default must not be pushed to
            default -> text.startsWith("[") ? numberList(text) : Double.parseDouble(text);
        };
    }
}
