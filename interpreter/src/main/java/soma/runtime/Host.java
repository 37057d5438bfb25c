package soma.runtime;

import com.oracle.truffle.api.TruffleLanguage;
import soma.random.Rng;

/**
 * What the libraries above the runtime (models, integrators, inference, analysis) need from the
 * running context, implemented by the language's context. Passing this in, rather than the
 * context itself, keeps those libraries out of the language core's package cycle.
 */
public interface Host {
    /** The language the libraries build their call targets (integrators, Jacobian kernels) on. */
    TruffleLanguage<?> language();

    /** Top-level names: user functions inlined into models, globals a model equation reads. */
    GlobalScope globals();

    /** The context's one generator, so a model's setup draws the same numbers when re-run. */
    Rng rng();

    /** A thread that may run this context's call targets (a worker of a batch simulation), not started. */
    Thread workerThread(Runnable work);
}
