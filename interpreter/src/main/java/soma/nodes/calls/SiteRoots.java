package soma.nodes.calls;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

/**
 * Call targets that a call site may replace by one of its own, located at the call. Profilers
 * (GraalVM's CPU sampler) name a frame by its root's name and source section, so a long-running
 * builtin such as {@code simulate} is listed at each line that calls it, with the compiled
 * integrator's time under it, instead of once with no location.
 */
public final class SiteRoots {
    private SiteRoots() {}

    /** A root that can make a copy of itself for one call site. */
    public interface PerSite {
        /** A call target for the call at {@code site}, or null to keep sharing this one. */
        RootCallTarget atSite(SourceSection site);
    }

    /** The target {@code site} should call instead of {@code target}: its own, or the shared one. */
    static RootCallTarget forSite(RootCallTarget target, Node site) {
        if (target.getRootNode() instanceof PerSite perSite) {
            RootCallTarget own = perSite.atSite(site.getEncapsulatingSourceSection());
            if (own != null) return own;
        }
        return target;
    }
}
