package soma.autodiff;

import java.util.List;
import soma.runtime.HasFields;
import soma.runtime.Op;
import soma.runtime.Recorded;
import soma.runtime.SomaSequence;
import soma.runtime.SomaValue;
import soma.runtime.TensorValues;
import soma.tensor.Index;
import soma.tensor.Tensor;

/**
 * A tensor whose computation is being recorded for reverse-mode differentiation (inside
 * {@code grad(f)}). Operations on it produce new tracked values, each remembering how to send
 * its gradient back to its inputs; comparisons and printing use the plain value.
 */
public final class Tracked implements SomaValue, SomaSequence, HasFields, Recorded {
    /** Sends the gradient of this value to the inputs' gradient accumulators. */
    interface Backward {
        void apply(Tensor gradient);
    }

    final Tensor value;
    final Tape tape;
    final int id;
    final Backward backward;
    Tensor grad;

    Tracked(Tensor value, Tape tape, Backward backward) {
        this.value = value;
        this.tape = tape;
        this.backward = backward;
        this.id = tape.add(this);
    }

    public Tensor value() {
        return value;
    }

    void accumulate(Tensor g) {
        grad = grad == null ? g : grad.add(g);
    }

    @Override
    public String show() {
        return value.show();
    }

    @Override
    public String typeName() {
        return "tensor";
    }

    @Override
    public String echoType() {
        return value.summary() + " (tracked for grad)";
    }

    @Override
    public int length() {
        return TensorValues.length(value);
    }

    @Override
    public Object item(int i) {
        return Ops.index(this, new Index[] {Index.at(i)});
    }

    @Override
    public Object field(String name) {
        return switch (name) {
            case "T" -> Ops.transpose(this);
            case "shape", "size", "rank", "is_complex" -> TensorValues.field(value, name);
            default -> null;
        };
    }

    @Override
    public List<String> fieldNames() {
        return List.of("shape", "size", "rank", "T");
    }

    @Override
    public Object binary(Op op, Object a, Object b) {
        return Ops.binary(op, a, b);
    }

    @Override
    public Object index(Index[] keys) {
        return Ops.index(this, keys);
    }

    @Override
    public Object map(String name) {
        return Ops.map(name, this);
    }

    @Override
    public Object reduce(String name, int axis) {
        return Ops.reduce(name, this, axis);
    }

    @Override
    public Object stack(List<Object> items) {
        return Ops.stack(items);
    }
}
