package soma.nodes.variables;

import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/** Walks from a function's frame to the frame of an enclosing function (closures). */
final class OuterFrames {
    private OuterFrames() {}

    @ExplodeLoop
    static Frame walk(Frame frame, int depth) {
        Frame f = frame;
        for (int i = 0; i < depth; i++) f = (Frame) f.getArguments()[0];
        return f;
    }
}
