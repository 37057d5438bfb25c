package soma.model.passes;

import soma.model.ir.Expr;

/** An error a pass found in a declaration, at a span of its source; the parser reports it. */
public record Problem(Expr.Span span, String message) {}
