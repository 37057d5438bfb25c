package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.TruffleObject;
import java.util.ArrayList;
import java.util.List;

/** A mutable list of values. */
public final class SomaList implements TruffleObject {
    public final List<Object> items;

    public SomaList(List<Object> items) {
        this.items = items;
    }

    public SomaList() {
        this(new ArrayList<>());
    }

    @TruffleBoundary
    public int size() {
        return items.size();
    }

    @TruffleBoundary
    public Object get(int i) {
        return items.get(i);
    }

    @TruffleBoundary
    public void add(Object o) {
        items.add(o);
    }
}
