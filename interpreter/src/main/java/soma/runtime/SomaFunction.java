package soma.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.IndirectCallNode;

/** A function value: user function (with the frame it closes over) or builtin. */
@ExportLibrary(InteropLibrary.class)
public final class SomaFunction implements TruffleObject {
    public final Signature signature;
    public final RootCallTarget callTarget;
    /** The defining function's frame, for closures; null for top-level functions and builtins. */
    public final MaterializedFrame closure;

    public final boolean builtin;
    /**
     * For {@code fn f(x) = expr}: the body in symbolic form, so model equations can inline and
     * differentiate it; else null. Its type belongs to the model IR, which depends on the runtime.
     */
    public final Symbolic symbolic;

    /** A function body in symbolic form (the model IR's {@code SymbolicFunction}). */
    public interface Symbolic {}

    public SomaFunction(Signature signature, RootCallTarget callTarget, MaterializedFrame closure, boolean builtin) {
        this(signature, callTarget, closure, builtin, null);
    }

    public SomaFunction(
            Signature signature,
            RootCallTarget callTarget,
            MaterializedFrame closure,
            boolean builtin,
            Symbolic symbolic) {
        this.symbolic = symbolic;
        this.signature = signature;
        this.callTarget = callTarget;
        this.closure = closure;
        this.builtin = builtin;
    }

    /** Calls this function from Java code with positional arguments (builtins, gradients, objectives). */
    @TruffleBoundary
    public Object call(Object... args) {
        Object[] frameArgs = signature.isSimple(args.length)
                ? signature.bindPositional(closure, args)
                : signature.bind(closure, args, null);
        return callTarget.call(frameArgs);
    }

    public String name() {
        return signature.functionName;
    }

    @ExportMessage
    boolean isExecutable() {
        return true;
    }

    /** Lets the embedder (benchmarks, tests) call Soma functions with positional arguments. */
    @ExportMessage
    Object execute(Object[] arguments, @com.oracle.truffle.api.dsl.Cached IndirectCallNode call) {
        return HostValues.export(
                call.call(callTarget, signature.bindPositional(closure, HostValues.importAll(arguments))));
    }

    @ExportMessage
    Object toDisplayString(boolean allowSideEffects) {
        return Printer.show(this);
    }
}
