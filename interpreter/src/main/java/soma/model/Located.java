package soma.model;

import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;
import soma.model.ir.Expr;
import soma.runtime.SomaException;

/** Errors found while compiling a model, reported at the part of the declaration they concern. */
final class Located {
    private Located() {}

    /** A node that only carries a source section, so SomaException can point at it. */
    private static final class At extends Node {
        private final SourceSection section;

        At(SourceSection section) {
            this.section = section;
        }

        @Override
        public SourceSection getSourceSection() {
            return section;
        }
    }

    static SomaException error(Declaration d, Expr.Span span, String message) {
        return new SomaException(message, new At(d.section(span)));
    }
}
