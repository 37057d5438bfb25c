package soma.nodes.scope;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;
import java.util.LinkedHashMap;
import java.util.Map;
import soma.SomaLanguage;
import soma.runtime.HostValues;
import soma.runtime.Nil;

/**
 * The local variables of a function (or of a script's blocks) as a debugger sees them: the named
 * frame slots that hold a value. Slots whose name is in angle brackets are the interpreter's own
 * (a loop's position) and stay hidden. A name declared twice (two loops both using {@code i})
 * shows its latest value.
 */
@ExportLibrary(InteropLibrary.class)
public final class LocalScope implements TruffleObject {
    private final String rootName;
    private final Map<String, Object> values;

    private LocalScope(String rootName, Map<String, Object> values) {
        this.rootName = rootName;
        this.values = values;
    }

    @TruffleBoundary
    public static LocalScope of(Node node, MaterializedFrame frame) {
        RootNode root = node.getRootNode();
        Map<String, Object> values = new LinkedHashMap<>();
        if (root != null) {
            FrameDescriptor descriptor = frame != null ? frame.getFrameDescriptor() : root.getFrameDescriptor();
            for (int slot = 0; slot < descriptor.getNumberOfSlots(); slot++) {
                if (!(descriptor.getSlotName(slot) instanceof String name) || name.startsWith("<")) continue;
                Object value = frame == null ? Nil.INSTANCE : frame.getValue(slot);
                if (value != null) values.put(name, value);
            }
        }
        return new LocalScope(root == null ? "" : root.getName(), values);
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
        return new Names(values.keySet().toArray(new String[0]));
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return values.containsKey(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        Object value = values.get(member);
        if (value == null) throw UnknownIdentifierException.create(member);
        return HostValues.export(value);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(boolean allowSideEffects) {
        return rootName;
    }
}
