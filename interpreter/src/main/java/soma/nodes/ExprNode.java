package soma.nodes;

import com.oracle.truffle.api.dsl.TypeSystemReference;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.GenerateWrapper;
import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.instrumentation.ProbeNode;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.interop.NodeLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.UnexpectedResultException;
import soma.nodes.scope.LocalScope;

/**
 * Every Soma node is an expression: statements evaluate to a value too (often nil).
 *
 * <p>Instrumentable the Truffle way, for the debugger, profiler and coverage tools: a tool wraps a
 * located node in its generated {@code ExprNodeWrapper}. Without a tool nothing is wrapped, so the
 * tags cost one boolean per node and no time.
 */
@TypeSystemReference(SomaTypes.class)
@GenerateWrapper
@ExportLibrary(NodeLibrary.class)
public abstract class ExprNode extends SomaNode implements InstrumentableNode {
    /** Set by the parser on each statement, and by a root node on its body. */
    private boolean statement;

    private boolean rootBody;

    public abstract Object executeGeneric(VirtualFrame frame);

    public double executeDouble(VirtualFrame frame) throws UnexpectedResultException {
        Object v = executeGeneric(frame);
        if (v instanceof Double d) return d;
        throw new UnexpectedResultException(v);
    }

    public boolean executeBoolean(VirtualFrame frame) throws UnexpectedResultException {
        Object v = executeGeneric(frame);
        if (v instanceof Boolean b) return b;
        throw new UnexpectedResultException(v);
    }

    /** Marks this node as a statement: a line a debugger can stop at. */
    public final void markStatement() {
        statement = true;
    }

    /** Marks this node as the whole body of a function or program. */
    final void markRootBody() {
        rootBody = true;
    }

    @Override
    public boolean isInstrumentable() {
        return sourceStart() >= 0 && getSourceSection() != null; // tools need a location to report
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        if (tag == StandardTags.StatementTag.class) return statement;
        if (tag == StandardTags.RootTag.class || tag == StandardTags.RootBodyTag.class) return rootBody;
        if (tag == StandardTags.ExpressionTag.class) return !statement && !rootBody;
        return false;
    }

    @Override
    public WrapperNode createWrapper(ProbeNode probe) {
        return new ExprNodeWrapper(this, probe);
    }

    // ---------------------------------------------------------------- variables for the debugger

    @ExportMessage
    final boolean hasScope(Frame frame) {
        return true;
    }

    @ExportMessage
    final Object getScope(Frame frame, boolean nodeEnter) {
        return LocalScope.of(this, frame == null ? null : frame.materialize());
    }
}
