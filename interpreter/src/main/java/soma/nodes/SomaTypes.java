package soma.nodes;

import com.oracle.truffle.api.dsl.TypeSystem;

/** Soma's primitive types for node specialisation: all numbers are doubles. */
@TypeSystem({double.class, boolean.class})
public abstract class SomaTypes {}
