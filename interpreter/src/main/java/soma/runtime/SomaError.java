package soma.runtime;

/**
 * An error raised by library code that does not know where in the script it was called. The
 * call or operator node that invoked the library catches it and re-raises it as a
 * {@link SomaException} at its own source location.
 */
public class SomaError extends RuntimeException {
    public SomaError(String message) {
        super(message, null, false, false);
    }

    public SomaError(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
