package soma.runtime;

import soma.tensor.Tensor;

/** A value that stands for a tensor in arithmetic, indexing and linear algebra (e.g. a Jacobian). */
public interface TensorLike {
    Tensor asTensor();
}
