package soma.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import soma.SomaContext;
import soma.SomaLanguage;

/**
 * The call target of a builtin that scripts call in loops on plain numbers (max, min, clamp,
 * len): a fast path that Graal compiles into the caller, and the builtin's ordinary body behind a
 * boundary for everything else (tensors, lists, named options). The fast path must give exactly
 * what the body gives; {@code ScalarBuiltinsTest} compares them.
 */
final class ScalarRootNode extends RootNode {
    /** The compiled part: the result for frame arguments it handles, or null to take the slow path. */
    @FunctionalInterface
    interface Fast {
        Object apply(Object[] frameArgs);
    }

    private final Builtin builtin;
    private final Fast fast;

    ScalarRootNode(SomaLanguage language, Builtin builtin, Fast fast) {
        super(language);
        this.builtin = builtin;
        this.fast = fast;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object[] args = frame.getArguments();
        Object result = fast.apply(args);
        return result != null ? result : slow(args, SomaContext.get(this));
    }

    @TruffleBoundary
    private Object slow(Object[] frameArgs, SomaContext context) {
        return builtin.run(frameArgs, context, null);
    }

    @Override
    public String getName() {
        return builtin.name;
    }

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String toString() {
        return builtin.name;
    }
}
