package soma.model;

import soma.runtime.SomaRecord;

/**
 * What the setup function computes for one instance: the named values (parameters and static
 * definitions, hidden hoisted ones included), and each state's size and initial value, by
 * position in the declaration's states (nil where the declaration gives none).
 */
public record InstanceValues(SomaRecord named, Object[] sizes, Object[] inits) {
    /** The same sizes and initial values with other named values (a sample of a batch). */
    public InstanceValues with(SomaRecord otherNamed) {
        return new InstanceValues(otherNamed, sizes, inits);
    }
}
