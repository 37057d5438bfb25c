package soma.parser;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Names visible while building one function (or the program). Locals get frame slots; names
 * not found in any enclosing function are globals. The program's outermost block is the global
 * scope itself, so top-level {@code let}s persist (REPL) and are seen by every function.
 */
final class Scope {
    /** Where a name lives: {@code depth} functions up (0 = here), in {@code slot}; or global. */
    record Resolved(int depth, int slot) {
        static final Resolved GLOBAL = new Resolved(-1, -1);

        boolean isGlobal() {
            return depth < 0;
        }
    }

    final Scope parent;
    final FrameDescriptor.Builder frame = FrameDescriptor.newBuilder();
    final boolean isProgram;
    private final ArrayDeque<Map<String, Integer>> blocks = new ArrayDeque<>();
    /** True when a nested function reads this function's locals, so its frame must be captured. */
    boolean needsClosure;

    int loops;

    Scope(Scope parent, boolean isProgram) {
        this.parent = parent;
        this.isProgram = isProgram;
        if (!isProgram) blocks.push(new HashMap<>());
    }

    void pushBlock() {
        blocks.push(new HashMap<>());
    }

    void popBlock() {
        blocks.pop();
    }

    /** True at the program's top level, where {@code let} defines a global. */
    boolean atGlobalLevel() {
        return isProgram && blocks.isEmpty();
    }

    int declare(String name) {
        int slot = frame.addSlot(FrameSlotKind.Illegal, name, null);
        blocks.peek().put(name, slot);
        return slot;
    }

    int hidden(String what) {
        return frame.addSlot(FrameSlotKind.Illegal, "<" + what + ">", null);
    }

    Resolved resolve(String name) {
        int depth = 0;
        for (Scope s = this; s != null; s = s.parent, depth++) {
            for (Map<String, Integer> block : s.blocks) {
                Integer slot = block.get(name);
                if (slot != null) {
                    markClosures(depth);
                    return new Resolved(depth, slot);
                }
            }
        }
        return Resolved.GLOBAL;
    }

    /** Every function between here and the owner of the name must capture its defining frame. */
    private void markClosures(int depth) {
        Scope s = this;
        for (int i = 0; i < depth; i++) {
            s.needsClosure = true;
            s = s.parent;
        }
    }
}
