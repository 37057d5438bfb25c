package soma.nodes.calls;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.ControlFlowException;
import com.oracle.truffle.api.nodes.Node;
import soma.runtime.SomaError;
import soma.runtime.SomaException;
import soma.runtime.SomaFunction;
import soma.tensor.MemoryBudget;
import soma.tensor.TensorException;

/**
 * Binds arguments and calls, turning library errors and runaway recursion into Soma errors
 * located at the call site. Shared by plain calls and method-style calls.
 */
public final class Invoker extends Node {
    @Child
    private DispatchNode dispatch = DispatchNodeGen.create();

    public Object invoke(SomaFunction fn, Object[] values, String[] names, Node site) {
        try {
            Object[] frameArgs;
            if (names == null && fn.signature.isSimple(values.length)) {
                frameArgs = fn.signature.bindPositional(fn.closure, values);
            } else if (names == null && !fn.signature.varargs && !fn.signature.options) {
                throw fn.signature.tooMany(values.length);
            } else {
                frameArgs = fn.signature.bind(fn.closure, values, names);
            }
            return dispatch.executeDispatch(fn, frameArgs);
        } catch (AbstractTruffleException | ControlFlowException e) {
            throw e;
        } catch (SomaError | TensorException e) {
            CompilerDirectives.transferToInterpreter();
            throw new SomaException(e.getMessage(), site);
        } catch (StackOverflowError e) {
            CompilerDirectives.transferToInterpreter();
            throw new SomaException("stack overflow: recursion too deep in " + fn.name(), site);
        } catch (OutOfMemoryError e) {
            // The failed allocation is garbage now: the session goes on after a located error.
            CompilerDirectives.transferToInterpreter();
            throw new SomaException(MemoryBudget.outOfMemory(fn.name()), site);
        } catch (RuntimeException e) {
            CompilerDirectives.transferToInterpreter();
            throw new SomaException("internal error in " + fn.name() + ": " + e, site, e);
        }
    }
}
