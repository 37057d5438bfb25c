package soma.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;

/** A node that knows the characters of the source it came from, for error messages and traces. */
public abstract class SomaNode extends Node {
    private int sourceStart = -1;
    private int sourceLength;

    public final void setSourceRange(int start, int length) {
        this.sourceStart = start;
        this.sourceLength = length;
    }

    public final int sourceStart() {
        return sourceStart;
    }

    public final int sourceLength() {
        return sourceLength;
    }

    @Override
    @TruffleBoundary
    public SourceSection getSourceSection() {
        if (sourceStart < 0) return null;
        RootNode root = getRootNode();
        if (root == null || root.getSourceSection() == null) return null;
        return root.getSourceSection().getSource().createSection(sourceStart, sourceLength);
    }
}
