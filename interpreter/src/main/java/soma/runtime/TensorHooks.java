package soma.runtime;

/** Placeholder replaced when tensors are integrated. */
public final class TensorHooks {
    private TensorHooks() {}

    public static boolean handles(Object o) {
        return false;
    }

    public static Object binary(Op op, Object a, Object b) {
        throw new SomaError("unsupported");
    }

    public static Object index(Object target, Object[] keys) {
        throw new SomaError("unsupported");
    }

    public static Object map(String name, java.util.function.DoubleUnaryOperator op, Object x) {
        throw new SomaError("unsupported");
    }

    public static Object reduce(String name, Object x, Object axis) {
        throw new SomaError("unsupported");
    }

    public static Object elementwise(String name, Object a, Object b) {
        throw new SomaError("unsupported");
    }

    public static void setIndex(Object target, Object[] keys, Object value) {
        throw new SomaError("unsupported");
    }
}
