package soma.parser;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.source.SourceSection;

/**
 * All syntax errors of one source, already formatted as {@code file:line:col: message}, the line
 * and a caret. Reported to the embedder as a parse error located at the first one.
 */
@ExportLibrary(InteropLibrary.class)
public final class SomaSyntaxError extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;
    private final transient SourceSection first;

    SomaSyntaxError(String formatted, SourceSection first) {
        super(formatted);
        this.first = first;
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.PARSE_ERROR;
    }

    @ExportMessage
    boolean hasSourceLocation() {
        return first != null;
    }

    @ExportMessage(name = "getSourceLocation")
    SourceSection sourceLocation() throws UnsupportedMessageException {
        if (first == null) throw UnsupportedMessageException.create();
        return first;
    }
}
