package soma.runtime;

import com.oracle.truffle.api.interop.TruffleObject;

/** A value kind beyond the core ones: it knows its printed form and its Soma type name. */
public interface SomaValue extends TruffleObject {
    String show();

    String typeName();

    /** The type as the REPL shows it next to an echoed value; tensors add shape and kind. */
    default String echoType() {
        return typeName();
    }
}
