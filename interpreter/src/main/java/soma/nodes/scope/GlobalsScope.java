package soma.nodes.scope;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import soma.SomaLanguage;
import soma.runtime.Cell;
import soma.runtime.GlobalScope;
import soma.runtime.HostValues;

/**
 * The script's top-level names with their values (builtins included): the debugger's "Global"
 * scope and the embedder's bindings.
 */
@ExportLibrary(InteropLibrary.class)
public final class GlobalsScope implements TruffleObject {
    private final GlobalScope globals;

    public GlobalsScope(GlobalScope globals) {
        this.globals = globals;
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return SomaLanguage.class;
    }

    @ExportMessage
    boolean isScope() {
        return true;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(boolean includeInternal) {
        return new Names(globals.names().toArray(new String[0]));
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        Cell c = globals.lookup(member);
        return c != null && c.value != null;
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        Cell c = globals.lookup(member);
        if (c == null || c.value == null) throw UnknownIdentifierException.create(member);
        return HostValues.export(c.value);
    }

    @ExportMessage
    Object toDisplayString(boolean allowSideEffects) {
        return "globals";
    }
}
