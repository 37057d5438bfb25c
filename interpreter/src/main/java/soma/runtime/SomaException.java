package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;

/** A Soma run-time error, located at the node that raised it; the launcher prints file:line:col. */
public final class SomaException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;
    /** The Java exception behind an internal error, printed only with --debug. */
    private final transient Throwable internal;

    @TruffleBoundary
    public SomaException(String message, Node location) {
        this(message, location, null);
    }

    @TruffleBoundary
    public SomaException(String message, Node location, Throwable internal) {
        super(message, location);
        this.internal = internal;
    }

    public Throwable internal() {
        return internal;
    }

    /** What a debugger shows for the error (a failed watch expression): Soma's message, no Java class name. */
    @Override
    public String toString() {
        return "error: " + getMessage();
    }
}
