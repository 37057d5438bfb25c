package soma.model.diff;

import java.util.List;
import soma.runtime.HasFields;
import soma.runtime.SomaValue;
import soma.runtime.TensorLike;
import soma.runtime.TensorValues;
import soma.tensor.Tensor;

/**
 * What {@code jacobian(model, at: x)} returns: the matrix (usable wherever a tensor is) and the
 * formula it came from ({@code J.symbolic}), so the structure of a linearization can be read off.
 */
public final class JacobianValue implements SomaValue, HasFields, TensorLike {
    private final Tensor matrix;
    private final String symbolic;

    public JacobianValue(Tensor matrix, String symbolic) {
        this.matrix = matrix;
        this.symbolic = symbolic;
    }

    @Override
    public Tensor asTensor() {
        return matrix;
    }

    @Override
    public String show() {
        return matrix.show();
    }

    @Override
    public String typeName() {
        return "jacobian";
    }

    @Override
    public String echoType() {
        return "jacobian " + matrix.shapeString();
    }

    @Override
    public Object field(String name) {
        return switch (name) {
            case "symbolic" -> symbolic;
            case "matrix" -> matrix;
            case "shape" -> TensorValues.shapeList(matrix.shape());
            case "T" -> matrix.transpose();
            default -> null;
        };
    }

    @Override
    public List<String> fieldNames() {
        return List.of("matrix", "symbolic", "shape", "T");
    }
}
