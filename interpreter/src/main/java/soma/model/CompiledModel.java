package soma.model;

import java.util.Arrays;
import java.util.List;
import soma.model.nodes.Rhs;
import soma.runtime.SomaError;
import soma.runtime.SomaRecord;
import soma.tensor.Tensor;

/**
 * A model instance compiled for integration: the right-hand side as nodes, where each state
 * variable lives in the flat state vector, which constants each sample needs, and the scratch
 * buffers. One compiled model serves every sample of a batch; samples differ only in constants.
 */
public final class CompiledModel {
    public final ModelInstance instance;
    public final Rhs rhs;
    public final List<String> stateNames;
    public final int[] offsets;
    public final int[] sizes;
    public final boolean[] indexed;
    public final int stateSize;
    public final int[] bufferSizes;
    private final List<ConstantSlot> constants;
    /** Dynamic definitions by name: their buffer, size (outputs of feedforward networks). */
    public final List<Output> outputs;
    /** Identifies the compiled nodes' structure: equal keys (same declaration) mean interchangeable nodes. */
    public final String key;

    /** Where the value of a constant slot comes from: a name in the instance's values, or a fixed array. */
    record ConstantSlot(String name, double[] fixed) {}

    public record Output(String name, int buffer, int[] shape) {}

    CompiledModel(
            ModelInstance instance,
            Rhs rhs,
            List<String> stateNames,
            int[] offsets,
            int[] sizes,
            boolean[] indexed,
            int[] bufferSizes,
            List<ConstantSlot> constants,
            List<Output> outputs,
            String key) {
        this.key = key;
        this.instance = instance;
        this.rhs = rhs;
        this.stateNames = stateNames;
        this.offsets = offsets;
        this.sizes = sizes;
        this.indexed = indexed;
        int n = 0;
        for (int s : sizes) n += s;
        this.stateSize = n;
        this.bufferSizes = bufferSizes;
        this.constants = constants;
        this.outputs = outputs;
    }

    /** The constant arrays of one sample, from its setup values (parameters, statics). */
    public double[][] constants(InstanceValues values) {
        double[][] c = new double[constants.size()][];
        for (int k = 0; k < c.length; k++) {
            ConstantSlot slot = constants.get(k);
            c[k] = slot.fixed() != null
                    ? slot.fixed()
                    : ModelCompiler.flatten(values.named().get(slot.name()), slot.name(), instance);
        }
        return c;
    }

    /**
     * The same as {@link #constants(InstanceValues)}, sharing a reference sample's arrays where a
     * name's value is the very object the reference has (a batch's samples share all but what
     * varies; the integrator only reads constants).
     */
    public double[][] constants(InstanceValues values, InstanceValues reference, double[][] referenceConstants) {
        double[][] c = new double[constants.size()][];
        for (int k = 0; k < c.length; k++) {
            ConstantSlot slot = constants.get(k);
            if (slot.fixed() != null) {
                c[k] = slot.fixed();
                continue;
            }
            Object value = values.named().get(slot.name());
            c[k] = value == reference.named().get(slot.name())
                    ? referenceConstants[k]
                    : ModelCompiler.flatten(value, slot.name(), instance);
        }
        return c;
    }

    /** The initial state of one sample (all state variables, concatenated in declaration order). */
    public double[] initial(InstanceValues values) {
        double[] y = new double[stateSize];
        for (int s = 0; s < stateNames.size(); s++) {
            double[] init = instance.initial(stateNames.get(s), values);
            if (init.length != sizes[s]) {
                throw new SomaError(instance.declaration.name + ": '" + stateNames.get(s) + "' has " + init.length
                        + " elements in this sample but " + sizes[s]
                        + " in the instance; sizes cannot vary within a batch");
            }
            System.arraycopy(init, 0, y, offsets[s], sizes[s]);
        }
        return y;
    }

    /** A flat state vector as a record {v: .., x: [..]} (vector states as tensors); inputs left out if asked. */
    public SomaRecord split(double[] flat, boolean withoutInputs) {
        SomaRecord out = new SomaRecord();
        for (int s = 0; s < stateNames.size(); s++) {
            if (withoutInputs && instance.declaration.states.get(s).input()) continue;
            double[] part = Arrays.copyOfRange(flat, offsets[s], offsets[s] + sizes[s]);
            out.put(stateNames.get(s), indexed[s] ? new Tensor(new int[] {part.length}, part) : (Object) part[0]);
        }
        return out;
    }

    public int indexOf(String state) {
        return stateNames.indexOf(state);
    }
}
