package soma.model.ir;

import java.util.List;
import soma.runtime.SomaFunction;

/** A function {@code fn name(params) = body} in symbolic form: inlined where a model equation calls it. */
public record SymbolicFunction(String name, List<String> parameters, Expr body) implements SomaFunction.Symbolic {
    /** The symbolic form of a function value, or null when it has none (builtins, block bodies). */
    public static SymbolicFunction of(SomaFunction f) {
        return f.symbolic instanceof SymbolicFunction s ? s : null;
    }
}
