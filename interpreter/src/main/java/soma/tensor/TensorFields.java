package soma.tensor;

import java.util.ArrayList;
import java.util.List;
import soma.runtime.SomaList;

/**
 * What a Soma script sees of a tensor: its fields ({@code W.shape}, {@code W.T}, ...) and the
 * rule that a 0-d result is an ordinary number (or bool), so {@code sum(x) + 1} and
 * {@code if all(x > 0)} need no conversion. Complex 0-d results stay tensors.
 */
public final class TensorFields {
    private TensorFields() {}

    public static final List<String> NAMES = List.of("shape", "size", "rank", "T", "re", "im", "is_complex");

    /** A 0-d real tensor as a Double, a 0-d bool tensor as a Boolean, anything else unchanged. */
    public static Object unwrap(Tensor t) {
        if (t.shape.length != 0 || t.im != null) return t;
        return t.isBool ? (Object) (t.re[0] != 0) : (Object) t.re[0];
    }

    static Object field(Tensor t, String name) {
        return switch (name) {
            case "shape" -> shapeList(t.shape);
            case "size" -> (double) t.size();
            case "rank" -> (double) t.rank();
            case "T" -> t.transpose();
            case "re" -> unwrap(t.real());
            case "im" -> unwrap(t.imag());
            case "is_complex" -> t.isComplex();
            default -> null;
        };
    }

    public static SomaList shapeList(int[] shape) {
        List<Object> dims = new ArrayList<>(shape.length);
        for (int d : shape) dims.add((double) d);
        return new SomaList(dims);
    }
}
