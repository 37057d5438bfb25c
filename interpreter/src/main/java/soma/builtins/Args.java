package soma.builtins;

import soma.SomaContext;
import soma.runtime.Nil;
import soma.runtime.Printer;
import soma.runtime.SomaError;
import soma.runtime.SomaFunction;
import soma.runtime.SomaList;
import soma.runtime.SomaRecord;

/** A builtin's arguments, with typed accessors whose errors name the function and parameter. */
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
    public Object receiver() { return receiver; }

    public SomaContext context() { return context; }
    public String name() { return builtin.name; }
    public String parameter(int i) { return builtin.signature.names[i]; }
    public int count() { return values.length; }
    public Object get(int i) { return values[i]; }

    /** True when the argument was passed (or has a non-nil default). */
    public boolean given(int i) { return values[i] != Nil.INSTANCE; }

    public double num(int i) {
        if (values[i] instanceof Double d) return d;
        throw wrongType(i, "num");
    }

    public int integer(int i) {
        double d = num(i);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new SomaError(builtin.name + ": '" + builtin.signature.names[i] + "' must be a whole number, got " + Printer.number(d));
        }
        return (int) d;
    }

    public String str(int i) {
        if (values[i] instanceof String s) return s;
        throw wrongType(i, "str");
    }

    public boolean bool(int i) {
        if (values[i] instanceof Boolean b) return b;
        throw wrongType(i, "bool");
    }

    public SomaList list(int i) {
        if (values[i] instanceof SomaList l) return l;
        throw wrongType(i, "list");
    }

    public SomaRecord record(int i) {
        if (values[i] instanceof SomaRecord r) return r;
        throw wrongType(i, "record");
    }

    /** An instance of an ode or network. */
    public soma.model.ModelInstance model(int i) {
        if (values[i] instanceof soma.model.ModelInstance m) return m;
        throw new SomaError(builtin.name + ": '" + builtin.signature.names[i] + "' must be an instance of an ode or network, "
                + "e.g. FitzHughNagumo(I: 0.5), got a " + Printer.typeName(values[i]));
    }

    public SomaFunction function(int i) {
        if (values[i] instanceof SomaFunction f) return f;
        throw wrongType(i, "fn");
    }

    public SomaError wrongType(int i, String expected) {
        return new SomaError(builtin.name + ": '" + builtin.signature.names[i] + "' must be a " + expected + ", got a " + Printer.typeName(values[i]));
    }

    public SomaError error(String message) {
        return new SomaError(builtin.name + ": " + message);
    }

    /** Calls a Soma function from Java (map, filter, optimisers, ...). */
    public Object call(SomaFunction f, Object... args) {
        return Calls.call(f, args);
    }
}
