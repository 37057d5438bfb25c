package soma.runtime;

/** A value that {@code for} can walk and {@code len} can measure (tensors: along the first axis). */
public interface SomaSequence {
    int length();

    Object item(int i);
}
