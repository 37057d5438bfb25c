package soma.model.diff;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import java.util.Arrays;
import soma.model.nodes.Workspace;
import soma.runtime.Missing;
import soma.runtime.Nil;
import soma.runtime.Printer;
import soma.runtime.Signature;
import soma.runtime.SomaError;
import soma.runtime.TensorHooks;
import soma.tensor.Shape;
import soma.tensor.Tensor;

/**
 * The function {@code J(at, into = nil)} that {@code jacobian_of(model)} returns. For the common
 * call - one state vector - the compiled entries are a child of this root, not behind a call of
 * their own, so the whole evaluation is one compilation unit (which a calling Soma loop can
 * inline): no boundary and no copy of the point. The result is a new n x n tensor, or, with
 * {@code into: M}, M itself overwritten: a fresh 15 x 15 result costs more to allocate (it is
 * new memory, ~0.2 us here) than the STG Jacobian's arithmetic, so loops that linearize again and
 * again can keep one matrix. Other arguments (lists, a matrix of points, models without compiled
 * entries) take the general path.
 */
final class JacobianFunction extends RootNode {
    @Child
    private JacobianKernel kernel;

    private final JacobianBuilder.Prepared prepared;
    private final Workspace workspace;
    private final String name;

    /** @param kernel an unadopted kernel copy, or null when the Jacobian is computed by matrix algebra */
    JacobianFunction(
            TruffleLanguage<?> language, JacobianBuilder.Prepared prepared, JacobianKernel kernel, String model) {
        super(language);
        this.prepared = prepared;
        this.kernel = kernel;
        this.workspace = kernel == null ? null : kernel.newWorkspace();
        this.name = "jacobian_of(" + model + ")";
    }

    /** Parameters of the function value: the point, and an optional matrix to write the result into. */
    static Signature signature(String model) {
        return new Signature(
                "jacobian_of(" + model + ")", new String[] {"at", "into"}, new boolean[] {false, true}, false, false);
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object[] args = frame.getArguments(); // [0] is the (absent) closure
        Object at = args[1];
        Object into = args[2];
        if (kernel != null && at instanceof Tensor t && t.rank() == 1 && t.size() == kernel.n && !t.isComplex()) {
            int n = kernel.n;
            double[] out;
            Tensor result;
            if (absent(into)) {
                out = new double[n * n];
                result = new Tensor(new int[] {n, n}, out);
            } else if (into instanceof Tensor m && isMatrix(m, n)) {
                out = m.realData();
                Arrays.fill(out, 0); // the kernel writes only the structurally non-zero entries
                result = m;
            } else {
                return general(at, into);
            }
            kernel.evaluate(workspace, t.realData(), 0, out);
            return result;
        }
        return general(at, into);
    }

    private static boolean absent(Object into) {
        return into == Missing.INSTANCE || into == Nil.INSTANCE;
    }

    private static boolean isMatrix(Tensor m, int n) {
        return m.rank() == 2 && m.size() == n * n && m.shape()[0] == n && !m.isComplex() && !m.isBool();
    }

    @TruffleBoundary
    private Object general(Object at, Object into) {
        Tensor t = TensorHooks.toTensor(at, "at");
        Tensor j = t.rank() == 2 && t.shape()[1] == prepared.model().stateSize
                ? prepared.alongRows(t)
                : prepared.jacobian(t.flatten().realData(), 0);
        if (absent(into)) return j;
        if (!(into instanceof Tensor m) || !Arrays.equals(m.shape(), j.shape()) || m.isComplex() || m.isBool()) {
            throw new SomaError(
                    name + ": into: must be a real tensor of shape " + Shape.toString(j.shape()) + ", got a "
                            + (into instanceof Tensor m
                                    ? "tensor of shape " + Shape.toString(m.shape())
                                            + (m.isComplex() ? " (complex)" : m.isBool() ? " (bool)" : "")
                                    : Printer.typeName(into)));
        }
        System.arraycopy(j.realData(), 0, m.realData(), 0, j.size());
        return m;
    }

    @Override
    public String getName() {
        return name;
    }
}
