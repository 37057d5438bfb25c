package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a function: names, which have defaults, and whether the last one collects
 * extra positional arguments ({@code varargs}) or extra named ones ({@code options}).
 *
 * <p>Frame arguments are laid out as {@code [closure, p0, p1, ...]}; {@link #bind} maps a call's
 * positional and named arguments onto that layout and reports Soma-level errors for bad calls.
 */
public final class Signature {
    public final String functionName;

    @CompilationFinal(dimensions = 1)
    public final String[] names;

    @CompilationFinal(dimensions = 1)
    public final boolean[] hasDefault;

    public final boolean varargs;
    public final boolean options;
    /** Index of the parameter collecting extra positional arguments; the ones after it are named-only. */
    private final int varargsIndex;

    public Signature(String functionName, String[] names, boolean[] hasDefault, boolean varargs, boolean options) {
        this(functionName, names, hasDefault, varargs ? names.length - 1 - (options ? 1 : 0) : -1, options);
    }

    public Signature(String functionName, String[] names, boolean[] hasDefault, int varargsIndex, boolean options) {
        this.functionName = functionName;
        this.names = names;
        this.hasDefault = hasDefault;
        this.varargs = varargsIndex >= 0;
        this.varargsIndex = varargsIndex;
        this.options = options;
    }

    /** The parameter collecting extra positional arguments, or -1. */
    public int varargsIndex() {
        return varargsIndex;
    }

    public int arity() {
        return names.length;
    }

    /**
     * True when a purely positional call of {@code argc} arguments needs no name matching: it
     * fills the parameters in order (the extra ones, if the signature collects them, go to the
     * varargs list), so {@link #bindPositional} can run in compiled code.
     */
    public boolean isSimple(int argc) {
        if (options) return false;
        return varargs ? argc >= varargsIndex : argc <= names.length;
    }

    /** General binding: positional first, then named; missing parameters become {@link Missing}. */
    @TruffleBoundary
    public Object[] bind(Object closure, Object[] values, String[] argNames) {
        int n = names.length;
        Object[] out = new Object[n + 1];
        out[0] = closure;
        int positionalSlots = varargs ? varargsIndex : n - (options ? 1 : 0);
        int namedSlots = n - (options ? 1 : 0);
        List<Object> rest = varargs ? new ArrayList<>() : null;
        SomaRecord extra = options ? new SomaRecord() : null;
        int next = 0;
        for (int i = 0; i < values.length; i++) {
            String name = argNames == null ? null : argNames[i];
            if (name == null) {
                if (next < positionalSlots) {
                    out[1 + next++] = values[i];
                } else if (varargs) {
                    rest.add(values[i]);
                } else {
                    throw new SomaError(functionName + " takes " + describeCount(positionalSlots) + " but was given "
                            + countPositional(argNames, values.length));
                }
            } else {
                int index = indexOf(name);
                if (index >= 0 && index < namedSlots && index != varargsIndex) {
                    if (out[1 + index] != null) {
                        throw new SomaError(functionName + " got the argument '" + name + "' twice");
                    }
                    out[1 + index] = values[i];
                } else if (options) {
                    extra.put(name, values[i]);
                } else {
                    throw new SomaError(functionName + " has no parameter '" + name + "'" + suggestion(name));
                }
            }
        }
        for (int i = 0; i < namedSlots; i++) {
            if (i == varargsIndex) continue;
            if (out[1 + i] == null) {
                if (!hasDefault[i]) {
                    throw new SomaError("missing argument '" + names[i] + "' in call to " + functionName);
                }
                out[1 + i] = Missing.INSTANCE;
            }
        }
        if (varargs) out[1 + varargsIndex] = new SomaList(rest);
        if (options) out[n] = extra;
        return out;
    }

    /** Fast path for simple calls (see {@link #isSimple}); the caller has checked it. */
    public Object[] bindPositional(Object closure, Object[] values) {
        Object[] out = new Object[names.length + 1];
        out[0] = closure;
        if (varargs) return bindRest(out, values);
        for (int i = 0; i < values.length; i++) out[1 + i] = values[i];
        for (int i = values.length; i < names.length; i++) {
            if (!hasDefault[i]) throw missing(i);
            out[1 + i] = Missing.INSTANCE;
        }
        return out;
    }

    /** Positional values up to the varargs parameter, the rest into a new list, the named-only ones after it defaulted. */
    private Object[] bindRest(Object[] out, Object[] values) {
        for (int i = 0; i < varargsIndex; i++) out[1 + i] = values[i];
        ArrayList<Object> rest = new ArrayList<>(values.length - varargsIndex);
        for (int i = varargsIndex; i < values.length; i++) rest.add(values[i]);
        out[1 + varargsIndex] = new SomaList(rest);
        for (int i = varargsIndex + 1; i < names.length; i++) {
            if (!hasDefault[i]) throw missing(i);
            out[1 + i] = Missing.INSTANCE;
        }
        return out;
    }

    @TruffleBoundary
    public SomaError tooMany(int given) {
        return new SomaError(functionName + " takes " + describeCount(names.length) + " but was given " + given);
    }

    @TruffleBoundary
    private SomaError missing(int i) {
        return new SomaError("missing argument '" + names[i] + "' in call to " + functionName);
    }

    private static int countPositional(String[] argNames, int total) {
        if (argNames == null) return total;
        int c = 0;
        for (String s : argNames) if (s == null) c++;
        return c;
    }

    private static String describeCount(int n) {
        return n == 1 ? "1 argument" : n + " arguments";
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
        return -1;
    }

    private String suggestion(String name) {
        StringBuilder sb = new StringBuilder(" (parameters: ");
        for (int i = 0; i < names.length; i++) sb.append(i == 0 ? "" : ", ").append(names[i]);
        return sb.append(")").toString();
    }

    @Override
    @TruffleBoundary
    public String toString() {
        StringBuilder sb = new StringBuilder(functionName).append('(');
        for (int i = 0; i < names.length; i++) {
            if (i > 0) sb.append(", ");
            if (i == varargsIndex) sb.append("...");
            if (options && i == names.length - 1) sb.append("**");
            sb.append(names[i]);
            if (hasDefault[i]) sb.append('=');
        }
        return sb.append(')').toString();
    }
}
