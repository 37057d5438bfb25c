package soma.tensor;

/**
 * Walks the elements of a (broadcast) output shape in row-major order while tracking the
 * matching flat offsets into up to two inputs read through their own strides (0 on broadcast
 * axes). One small mutable object instead of per-element index arithmetic keeps the general
 * broadcasting loops simple; the same-shape and scalar cases never use it.
 */
final class Walker {
    private final int[] shape, sa, sb, count;
    int ia, ib;

    Walker(int[] shape, int[] stridesA, int[] stridesB) {
        this.shape = shape;
        this.sa = stridesA;
        this.sb = stridesB == null ? new int[shape.length] : stridesB;
        this.count = new int[shape.length];
    }

    /** Advance to the next output element (an odometer over the output shape). */
    void next() {
        for (int d = shape.length - 1; d >= 0; d--) {
            ia += sa[d];
            ib += sb[d];
            if (++count[d] < shape[d]) return;
            ia -= sa[d] * shape[d];
            ib -= sb[d] * shape[d];
            count[d] = 0;
        }
    }
}
