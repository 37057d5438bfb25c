package soma.tensor;

/**
 * A user-facing error raised by tensor, linear-algebra, random and CSV operations.
 *
 * <p>The message is written for the Soma programmer (e.g. "shape mismatch: cannot broadcast
 * (3, 2) with (4,)"), not for the interpreter author; the interpreter attaches the source
 * location when it converts this into a guest-language error. It is a {@link soma.runtime.SomaError}, so the
 * calling node reports it at its own source location.
 */
public class TensorException extends soma.runtime.SomaError {
    private static final long serialVersionUID = 1L;

    public TensorException(String message) {
        super(message);
    }

    public TensorException(String message, Throwable cause) {
        super(message, cause);
    }
}
