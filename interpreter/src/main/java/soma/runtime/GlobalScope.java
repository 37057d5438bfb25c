package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Top-level names. Each name owns a {@link Cell} that is never replaced, so a compiled read can
 * keep the cell as a constant and only load its value. Exposed to the embedder (REPL completion)
 * as an interop scope.
 */
@ExportLibrary(InteropLibrary.class)
public final class GlobalScope implements TruffleObject {
    private final Map<String, Cell> cells = new LinkedHashMap<>();
    /** The language these names belong to, for interop; passed in so the runtime need not know it. */
    private final Class<? extends TruffleLanguage<?>> language;

    public GlobalScope(Class<? extends TruffleLanguage<?>> language) {
        this.language = language;
    }

    @TruffleBoundary
    public Cell lookup(String name) {
        return cells.get(name);
    }

    @TruffleBoundary
    public Cell define(String name) {
        return cells.computeIfAbsent(name, n -> new Cell(n));
    }

    @TruffleBoundary
    public void set(String name, Object value) {
        define(name).value = value;
    }

    @TruffleBoundary
    public List<String> names() {
        List<String> result = new ArrayList<>();
        for (Cell c : cells.values()) {
            if (c.value != null) result.add(c.name);
        }
        return result;
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return language;
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
        return new StringArray(names().toArray(new String[0]));
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        Cell c = cells.get(member);
        return c != null && c.value != null;
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        Cell c = cells.get(member);
        if (c == null || c.value == null) throw UnknownIdentifierException.create(member);
        return Printer.typeName(c.value);
    }

    @ExportMessage
    Object toDisplayString(boolean allowSideEffects) {
        return "globals";
    }

    /** A read-only array of strings, for interop member lists. */
    @ExportLibrary(InteropLibrary.class)
    static final class StringArray implements TruffleObject {
        final String[] items;

        StringArray(String[] items) {
            this.items = items;
        }

        @ExportMessage
        boolean hasArrayElements() {
            return true;
        }

        @ExportMessage
        long getArraySize() {
            return items.length;
        }

        @ExportMessage
        boolean isArrayElementReadable(long i) {
            return i >= 0 && i < items.length;
        }

        @ExportMessage
        Object readArrayElement(long i) {
            return items[(int) i];
        }
    }
}
