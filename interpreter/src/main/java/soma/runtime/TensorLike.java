package soma.runtime;

/** A value that stands for a tensor in arithmetic, indexing and linear algebra (e.g. a Jacobian). */
public interface TensorLike {
    soma.tensor.Tensor asTensor();
}
