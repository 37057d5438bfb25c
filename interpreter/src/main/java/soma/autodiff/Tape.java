package soma.autodiff;

import java.util.ArrayList;
import java.util.List;
import soma.tensor.Tensor;

/** The operations of one differentiated call, in the order they ran; backward walks it in reverse. */
final class Tape {
    private final List<Tracked> nodes = new ArrayList<>();

    int add(Tracked t) {
        nodes.add(t);
        return nodes.size() - 1;
    }

    /** Reverse sweep from a scalar output: afterwards each node's grad holds d(output)/d(node). */
    void backward(Tracked output) {
        output.grad = Tensor.ones(output.value.shape());
        for (int i = output.id; i >= 0; i--) {
            Tracked t = nodes.get(i);
            if (t.grad != null && t.backward != null) t.backward.apply(t.grad);
        }
    }
}
