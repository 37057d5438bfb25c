package soma.tensor;

/**
 * One entry of an indexing expression {@code t[i, a:b:c, :, [0, 2], mask]}.
 *
 * <ul>
 *   <li>{@link At}: a single integer (negative counts from the end); removes the axis.</li>
 *   <li>{@link Slice}: Python slice semantics; null start/stop/step mean "omitted".</li>
 *   <li>{@link All}: the whole axis ({@code :}).</li>
 *   <li>{@link Take}: an integer list/tensor ("fancy" indexing); the axis is replaced by the
 *       index tensor's shape.</li>
 *   <li>{@link Mask}: a boolean tensor covering the next mask.rank() axes; selects the true
 *       positions in row-major order (same shape as the tensor gives a 1-D result).</li>
 * </ul>
 * Semantics follow numpy, see {@link Indexer} for the one deliberate difference.
 */
public sealed interface Index {
    record At(int index) implements Index {}

    record Slice(Integer start, Integer stop, Integer step) implements Index {}

    record All() implements Index {}

    record Take(Tensor indices) implements Index {}

    record Mask(Tensor mask) implements Index {}

    All ALL = new All();

    static Index at(int i) {
        return new At(i);
    }

    static Index slice(Integer start, Integer stop) {
        return new Slice(start, stop, null);
    }

    static Index slice(Integer start, Integer stop, Integer step) {
        return new Slice(start, stop, step);
    }

    static Index all() {
        return ALL;
    }

    static Index take(int... indices) {
        double[] d = new double[indices.length];
        for (int i = 0; i < d.length; i++) d[i] = indices[i];
        return new Take(new Tensor(new int[] {d.length}, d));
    }

    static Index take(Tensor indices) {
        return new Take(indices);
    }

    static Index mask(Tensor mask) {
        return new Mask(mask);
    }

    /** What an interpreter usually wants for a tensor used as an index: bool -> mask, else take. */
    static Index of(Tensor t) {
        return t.isBool() ? new Mask(t) : new Take(t);
    }
}
