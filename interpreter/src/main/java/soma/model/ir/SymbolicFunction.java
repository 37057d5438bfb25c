package soma.model.ir;

import java.util.List;

/** A function {@code fn name(params) = body} in symbolic form: inlined where a model equation calls it. */
public record SymbolicFunction(String name, List<String> parameters, Expr body) {}
