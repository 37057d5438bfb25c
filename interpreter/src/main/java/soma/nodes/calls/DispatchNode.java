package soma.nodes.calls;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.GenerateInline;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;
import soma.runtime.SomaFunction;

/**
 * Calls a function: a direct (inlinable) call for the few targets seen here, else indirect. Kept as
 * a cached child node of {@link Invoker} (one per call site), so not object-inlined.
 */
@GenerateInline(false)
public abstract class DispatchNode extends Node {
    public abstract Object executeDispatch(SomaFunction function, Object[] arguments);

    @Specialization(guards = "function.callTarget == cachedTarget", limit = "3")
    protected Object doDirect(
            SomaFunction function,
            Object[] arguments,
            @Cached("function.callTarget") RootCallTarget cachedTarget,
            @Cached("create(siteTarget(cachedTarget))") DirectCallNode callNode) {
        return callNode.call(arguments);
    }

    /** A long-running builtin gets a root located at this call (see {@link SiteRoots}). */
    protected RootCallTarget siteTarget(RootCallTarget target) {
        return SiteRoots.forSite(target, this);
    }

    @Specialization(replaces = "doDirect")
    protected static Object doIndirect(SomaFunction function, Object[] arguments, @Cached IndirectCallNode callNode) {
        return callNode.call(function.callTarget, arguments);
    }
}
