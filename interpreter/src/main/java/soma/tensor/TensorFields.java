package soma.tensor;

/**
 * The rule that a 0-d result is an ordinary number (or bool), so {@code sum(x) + 1} and
 * {@code if all(x > 0)} need no conversion. Complex 0-d results stay tensors. What else a
 * script sees of a tensor (its fields, length, type name) is for the interpreter to decide.
 */
public final class TensorFields {
    private TensorFields() {}

    /** A 0-d real tensor as a Double, a 0-d bool tensor as a Boolean, anything else unchanged. */
    public static Object unwrap(Tensor t) {
        if (t.shape.length != 0 || t.im != null) return t;
        return t.isBool ? (Object) (t.re[0] != 0) : (Object) t.re[0];
    }
}
