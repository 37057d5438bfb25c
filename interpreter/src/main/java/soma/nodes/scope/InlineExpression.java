package soma.nodes.scope;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.TruffleLanguage.InlineParsingRequest;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExecutableNode;
import com.oracle.truffle.api.source.Source;
import java.util.ArrayList;
import java.util.List;
import soma.SomaLanguage;
import soma.parser.Parsing;
import soma.runtime.Nil;
import soma.runtime.SomaFunction;

/**
 * An expression a debugger evaluates where a program is stopped (a watch, the Chrome console, a DAP
 * {@code evaluate}): it sees the stopped function's locals and the script's globals. The parser
 * resolves local names to frame slots of the function it parses, so the expression is parsed as a
 * lambda whose parameters are the stopped frame's named locals, {@code fn(x, y) = (expression)},
 * and called with their current values. Assigning to a local from here changes the copy only.
 */
public final class InlineExpression extends ExecutableNode {
    private final String[] names;
    private final int[] slots;
    private final RootCallTarget lambda;

    private InlineExpression(SomaLanguage language, String[] names, int[] slots, RootCallTarget lambda) {
        super(language);
        this.names = names;
        this.slots = slots;
        this.lambda = lambda;
    }

    /** Parses {@code request}'s expression against the named locals of the frame it stops in. */
    @TruffleBoundary
    public static InlineExpression parse(SomaLanguage language, InlineParsingRequest request) {
        List<String> names = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        MaterializedFrame frame = request.getFrame();
        if (frame != null) {
            FrameDescriptor descriptor = frame.getFrameDescriptor();
            for (int slot = 0; slot < descriptor.getNumberOfSlots(); slot++) {
                // hidden slots (<for i>) are the interpreter's own; a name declared twice keeps its latest slot
                if (!(descriptor.getSlotName(slot) instanceof String name) || name.startsWith("<")) continue;
                int previous = names.indexOf(name);
                if (previous >= 0) {
                    names.remove(previous);
                    slots.remove(previous);
                }
                names.add(name);
                slots.add(slot);
            }
        }
        Source expression = request.getSource();
        String text = "fn(" + String.join(", ", names) + ") = (\n" + expression.getCharacters() + "\n)";
        Source wrapped = Source.newBuilder(SomaLanguage.ID, text, expression.getName())
                .internal(true)
                .build();
        RootCallTarget program = Parsing.parseProgram(language, wrapped, false).getCallTarget();
        return new InlineExpression(
                language,
                names.toArray(new String[0]),
                slots.stream().mapToInt(Integer::intValue).toArray(),
                program);
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return evaluate(frame.materialize());
    }

    @TruffleBoundary
    private Object evaluate(MaterializedFrame frame) {
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            Object v = slots[i] < frame.getFrameDescriptor().getNumberOfSlots() ? frame.getValue(slots[i]) : null;
            values[i] = v == null ? Nil.INSTANCE : v;
        }
        SomaFunction fn = (SomaFunction) lambda.call();
        return fn.call(values);
    }
}
