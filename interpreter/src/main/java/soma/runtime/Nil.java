package soma.runtime;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** The value of statements and of functions that return nothing. */
@ExportLibrary(InteropLibrary.class)
public final class Nil implements TruffleObject {
    public static final Nil INSTANCE = new Nil();

    private Nil() {}

    @ExportMessage
    boolean isNull() {
        return true;
    }

    @ExportMessage
    Object toDisplayString(boolean allowSideEffects) {
        return "nil";
    }

    @Override
    public String toString() {
        return "nil";
    }
}
