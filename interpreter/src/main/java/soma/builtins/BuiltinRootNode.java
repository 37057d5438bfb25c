package soma.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import soma.SomaContext;
import soma.SomaLanguage;

/** The call target of a builtin: applies defaults and runs the Java body outside compiled code. */
final class BuiltinRootNode extends RootNode {
    private final Builtin builtin;
    /** For a method bound to a value (q.sample), that value; else null. */
    private final Object receiver;

    BuiltinRootNode(SomaLanguage language, Builtin builtin) {
        this(language, builtin, null);
    }

    BuiltinRootNode(SomaLanguage language, Builtin builtin, Object receiver) {
        super(language);
        this.builtin = builtin;
        this.receiver = receiver;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return run(frame.getArguments(), SomaContext.get(this));
    }

    @TruffleBoundary
    private Object run(Object[] frameArgs, SomaContext context) {
        return builtin.run(frameArgs, context, receiver);
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
