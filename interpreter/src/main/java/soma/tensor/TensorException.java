package soma.tensor;

/**
 * A user-facing error raised by tensor, linear-algebra, random and CSV operations.
 *
 * <p>The message is written for the Soma programmer (e.g. "shape mismatch: cannot broadcast
 * (3, 2) with (4,)"), not for the interpreter author; the interpreter attaches the source
 * location when it converts this into a guest-language error: the calling node reports it at its
 * own source location, as it does the interpreter's own library errors. It is a plain unchecked
 * exception so that the numeric core depends on nothing of the interpreter.
 */
public class TensorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TensorException(String message) {
        this(message, null);
    }

    /** No stack trace: the message is the whole story, and filling one in is slow in hot loops. */
    public TensorException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
