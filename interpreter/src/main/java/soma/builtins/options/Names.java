package soma.builtins.options;

import java.util.ArrayList;
import java.util.List;
import soma.builtins.Args;
import soma.runtime.Printer;

/** Arguments that name variables or parameters: one string, or a list of strings. */
public final class Names {
    private Names() {}

    public static List<String> read(Args a, String parameter) {
        Object v = a.get(parameter);
        if (v instanceof String s) return List.of(s);
        List<String> out = new ArrayList<>();
        for (Object o : a.list(parameter).items) {
            if (!(o instanceof String s))
                throw a.error("'" + parameter + "' must list names as strings, got a " + Printer.typeName(o));
            if (out.contains(s)) throw a.error("'" + parameter + "' names '" + s + "' twice");
            out.add(s);
        }
        return out;
    }
}
