package soma.builtins;

import soma.SomaContext;
import soma.model.ModelInstance;
import soma.runtime.Nil;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.runtime.SomaFunction;
import soma.runtime.SomaList;
import soma.runtime.SomaRecord;

/**
 * A builtin's arguments, read by parameter name with typed accessors whose errors name the
 * function and parameter. A name the builtin's signature does not have is a bug in Soma and
 * fails loudly ({@link Builtin#index}), so a read cannot drift from the signature.
 */
public final class Args {
    private final Builtin builtin;
    private final Object[] values;
    private final SomaContext context;

    private final Object receiver;

    Args(Builtin builtin, Object[] values, SomaContext context) {
        this(builtin, values, context, null);
    }

    Args(Builtin builtin, Object[] values, SomaContext context, Object receiver) {
        this.builtin = builtin;
        this.values = values;
        this.context = context;
        this.receiver = receiver;
    }

    /** The value a method was called on (q in q.sample(10)); null for plain builtins. */
    public Object receiver() {
        return receiver;
    }

    public SomaContext context() {
        return context;
    }

    public String name() {
        return builtin.name;
    }

    /** True when the builtin has a parameter of this name: for option groups some builtins only partly share. */
    public boolean accepts(String parameter) {
        return builtin.accepts(parameter);
    }

    public Object get(String parameter) {
        return values[builtin.index(parameter)];
    }

    /** True when the argument was passed (or has a non-nil default). */
    public boolean given(String parameter) {
        return get(parameter) != Nil.INSTANCE;
    }

    public double num(String parameter) {
        if (get(parameter) instanceof Double d) return d;
        throw wrongType(parameter, "num");
    }

    public int integer(String parameter) {
        double d = num(parameter);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw error("'" + parameter + "' must be a whole number, got " + Printer.number(d));
        }
        return (int) d;
    }

    /** A whole number of at least {@code min} (a count of bins, samples, threads, ...). */
    public int atLeast(String parameter, int min) {
        int n = integer(parameter);
        if (n < min) throw error("'" + parameter + "' must be at least " + min + ", got " + n);
        return n;
    }

    /** A finite number greater than zero (a step, a rate, a tolerance). */
    public double positive(String parameter) {
        double d = num(parameter);
        if (!(d > 0) || Double.isInfinite(d))
            throw error("'" + parameter + "' must be a positive number, got " + Printer.number(d));
        return d;
    }

    public String str(String parameter) {
        if (get(parameter) instanceof String s) return s;
        throw wrongType(parameter, "str");
    }

    /** The string given for {@code parameter}, or null when it was not given (a nil default). */
    public String strOrNull(String parameter) {
        return given(parameter) ? str(parameter) : null;
    }

    public boolean bool(String parameter) {
        if (get(parameter) instanceof Boolean b) return b;
        throw wrongType(parameter, "bool");
    }

    public SomaList list(String parameter) {
        if (get(parameter) instanceof SomaList l) return l;
        throw wrongType(parameter, "list");
    }

    public SomaRecord record(String parameter) {
        if (get(parameter) instanceof SomaRecord r) return r;
        throw wrongType(parameter, "record");
    }

    /** An instance of an ode or network. */
    public ModelInstance model(String parameter) {
        if (get(parameter) instanceof ModelInstance m) return m;
        throw error("'" + parameter + "' must be an instance of an ode or network, e.g. FitzHughNagumo(I: 0.5), got a "
                + Printer.typeName(get(parameter)));
    }

    public SomaFunction function(String parameter) {
        if (get(parameter) instanceof SomaFunction f) return f;
        throw wrongType(parameter, "fn");
    }

    public SomaError wrongType(String parameter, String expected) {
        return error("'" + parameter + "' must be a " + expected + ", got a " + Printer.typeName(get(parameter)));
    }

    public SomaError error(String message) {
        return new SomaError(builtin.name + ": " + message);
    }

    /** Calls a Soma function from Java (map, filter, optimisers, ...). */
    public Object call(SomaFunction f, Object... args) {
        return Calls.call(f, args);
    }
}
