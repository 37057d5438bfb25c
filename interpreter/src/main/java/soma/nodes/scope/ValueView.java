package soma.nodes.scope;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import java.util.List;
import soma.SomaLanguage;
import soma.runtime.HasFields;
import soma.runtime.HostValues;
import soma.runtime.Printer;
import soma.runtime.SomaList;
import soma.runtime.SomaRecord;
import soma.runtime.SomaValue;
import soma.tensor.Tensor;

/**
 * A Soma value as a debugger shows it: its printed form cut to one line (a tensor shows its shape
 * and first elements), a list's items as array elements, a record's or result's fields as members.
 */
@ExportLibrary(InteropLibrary.class)
public final class ValueView implements TruffleObject {
    /** Longer printed forms are cut: a debugger's variable line is not the place for a whole tensor. */
    static final int MAX_SHOWN = 120;

    private final Object value;

    public ValueView(Object value) {
        this.value = HostValues.importValue(value); // a tensor reaches the debugger wrapped
    }

    @TruffleBoundary
    static String display(Object value) {
        String shown = Printer.repr(value).replace('\n', ' ');
        if (shown.length() > MAX_SHOWN) shown = shown.substring(0, MAX_SHOWN) + "…";
        String type = Printer.echoType(value);
        if ((value instanceof SomaValue || value instanceof Tensor) && !shown.startsWith(type))
            shown = type + " " + shown;
        return shown;
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
    Object toDisplayString(boolean allowSideEffects) {
        return display(value);
    }

    @ExportMessage
    boolean hasArrayElements() {
        return value instanceof SomaList;
    }

    @ExportMessage
    @TruffleBoundary
    long getArraySize() {
        return value instanceof SomaList l ? l.size() : 0;
    }

    @ExportMessage
    @TruffleBoundary
    boolean isArrayElementReadable(long index) {
        return value instanceof SomaList l && index >= 0 && index < l.size();
    }

    @ExportMessage
    @TruffleBoundary
    Object readArrayElement(long index) throws InvalidArrayIndexException {
        if (!isArrayElementReadable(index)) throw InvalidArrayIndexException.create(index);
        return HostValues.export(((SomaList) value).get((int) index));
    }

    @ExportMessage
    boolean hasMembers() {
        return value instanceof SomaRecord || value instanceof HasFields;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(boolean includeInternal) {
        return new Names(fieldNames().toArray(new String[0]));
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return fieldNames().contains(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        Object field =
                value instanceof SomaRecord r ? r.get(member) : value instanceof HasFields h ? h.field(member) : null;
        if (field == null || !fieldNames().contains(member)) throw UnknownIdentifierException.create(member);
        return HostValues.export(field);
    }

    private List<String> fieldNames() {
        if (value instanceof SomaRecord r) return List.copyOf(r.fields.keySet());
        if (value instanceof HasFields h) return h.fieldNames();
        return List.of();
    }
}
