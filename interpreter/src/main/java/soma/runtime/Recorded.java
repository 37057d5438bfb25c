package soma.runtime;

import java.util.List;
import soma.tensor.Index;

/**
 * A tensor whose computation is being recorded for reverse-mode differentiation (autodiff's
 * tracked values, inside {@code grad(f)}). Operators, indexing and math on such a value are
 * autodiff's business; {@link TensorHooks} only hands them over through this interface, so the
 * runtime does not depend on autodiff (which depends on the runtime).
 */
public interface Recorded {
    /** {@code a op b}, where this value is {@code a} or {@code b}. */
    Object binary(Op op, Object a, Object b);

    Object index(Index[] keys);

    /** A one-argument math function ({@code exp}, {@code tanh}, ...) of this value. */
    Object map(String name);

    /** sum/mean of this value, whole ({@code axis} = -1) or along one axis. */
    Object reduce(String name, int axis);

    /** A list of tensors holding this value, stacked into one recorded tensor. */
    Object stack(List<Object> items);

    /** The first recorded value in a Soma list, or null: such a list is stacked before use. */
    static Recorded in(Object o) {
        if (!(o instanceof SomaList l)) return null;
        for (Object x : l.items) if (x instanceof Recorded r) return r;
        return null;
    }
}
