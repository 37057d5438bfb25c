package soma.nodes;

import com.oracle.truffle.api.source.SourceSection;

/** Tags the body of a function or program as its root, spanning the whole declaration. */
final class RootBody {
    private RootBody() {}

    static ExprNode mark(ExprNode body, SourceSection section) {
        if (body.sourceStart() < 0 && section != null && section.isAvailable()) {
            body.setSourceRange(section.getCharIndex(), section.getCharLength());
        }
        body.markRootBody();
        return body;
    }
}
