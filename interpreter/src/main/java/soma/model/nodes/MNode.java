package soma.model.nodes;

import com.oracle.truffle.api.nodes.Node;

/**
 * A node of a compiled model expression. {@link #at} gives element i of its value (scalars
 * ignore i, which is how scalars broadcast); {@link #prepare} runs first, once per evaluation,
 * so nodes that need their whole input (matrix products, sums, vectors of scalars) can compute
 * it into their buffer. Elementwise nodes only pass prepare on to their children, which lets
 * Graal fuse a whole elementwise expression into one loop over i with no temporaries.
 */
public abstract class MNode extends Node {
    public abstract double at(Workspace w, int i);

    public void prepare(Workspace w) {}
}
