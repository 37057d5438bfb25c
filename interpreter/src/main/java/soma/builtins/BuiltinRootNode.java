package soma.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;
import java.util.Set;
import soma.SomaContext;
import soma.SomaLanguage;
import soma.nodes.calls.SiteRoots;

/** The call target of a builtin: applies defaults and runs the Java body outside compiled code. */
final class BuiltinRootNode extends RootNode implements SiteRoots.PerSite {
    /**
     * Builtins that can run for seconds to hours. Each call site gets a root of its own, located at
     * the call, so a profiler lists "simulate" or "epi" at the line that called it, with the
     * integrator's time beneath it (other builtins share one root: a root per call of {@code max}
     * would only add call targets to compile).
     */
    private static final Set<String> LONG_RUNNING = Set.of(
            "simulate",
            "sweep",
            "epi",
            "fit",
            "property_statistics",
            "phase_portrait",
            "fixed_points",
            "ensemble",
            "lbfgs",
            "adam",
            "sgd",
            "minimize",
            "root");

    private final Builtin builtin;
    /** For a method bound to a value (q.sample), that value; else null. */
    private final Object receiver;
    /** The call this root serves, for a long-running builtin's per-site root; else null. */
    private final SourceSection site;

    BuiltinRootNode(SomaLanguage language, Builtin builtin) {
        this(language, builtin, null, null);
    }

    BuiltinRootNode(SomaLanguage language, Builtin builtin, Object receiver) {
        this(language, builtin, receiver, null);
    }

    private BuiltinRootNode(SomaLanguage language, Builtin builtin, Object receiver, SourceSection site) {
        super(language);
        this.builtin = builtin;
        this.receiver = receiver;
        this.site = site;
    }

    @Override
    public RootCallTarget atSite(SourceSection callSite) {
        if (site != null || callSite == null || !LONG_RUNNING.contains(builtin.name)) return null;
        return new BuiltinRootNode(getLanguage(SomaLanguage.class), builtin, receiver, callSite).getCallTarget();
    }

    @Override
    public SourceSection getSourceSection() {
        return site;
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
