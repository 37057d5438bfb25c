package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import java.util.ArrayList;
import java.util.List;
import soma.tensor.Index;
import soma.tensor.Tensor;
import soma.tensor.TensorFields;

/**
 * What a Soma script sees of a tensor: its fields ({@code W.shape}, {@code W.T}, ...), its type
 * name and echo, and {@code len}/{@code for} along the first axis. It lives here rather than in
 * {@link Tensor} so that the numeric core knows nothing of the interpreter's value kinds.
 */
public final class TensorValues {
    private TensorValues() {}

    public static final List<String> FIELDS = List.of("shape", "size", "rank", "T", "re", "im", "is_complex");

    public static String typeName() {
        return "tensor";
    }

    /** The type the REPL shows next to an echoed tensor: shape and kind. */
    public static String echoType(Tensor t) {
        return t.summary();
    }

    /** The field, or null when a tensor has no such field. */
    @TruffleBoundary
    public static Object field(Tensor t, String name) {
        return switch (name) {
            case "shape" -> shapeList(t.shape());
            case "size" -> (double) t.size();
            case "rank" -> (double) t.rank();
            case "T" -> t.transpose();
            case "re" -> TensorFields.unwrap(t.real());
            case "im" -> TensorFields.unwrap(t.imag());
            case "is_complex" -> t.isComplex();
            default -> null;
        };
    }

    public static SomaList shapeList(int[] shape) {
        List<Object> dims = new ArrayList<>(shape.length);
        for (int d : shape) dims.add((double) d);
        return new SomaList(dims);
    }

    /** {@code len(t)} and {@code for row in t} walk the first axis, as in numpy. */
    public static int length(Tensor t) {
        if (t.rank() == 0) throw new SomaError("a 0-d tensor has no length");
        return t.shape()[0];
    }

    @TruffleBoundary
    public static Object item(Tensor t, int i) {
        return TensorFields.unwrap(t.get(Index.at(i)));
    }
}
