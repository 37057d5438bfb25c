package soma.flow;

import java.util.Arrays;
import soma.optim.Adam;
import soma.random.Rng;
import soma.runtime.SomaError;
import soma.util.GracefulStop;
import soma.util.Interrupts;
import soma.util.Progress;

/**
 * Fits a flow to a Gaussian by minimising KL(q || p) = E_q[log q(z) - log p(z)] over samples
 * z = g(w) (the reparameterisation trick), with Adam. Where the flow maps onto a box, p is the
 * Gaussian truncated to that box: the truncation only adds the constant log(mass) to the loss,
 * so the gradient is the same and the reported KL includes it. Works for every layer, including
 * the ones without a closed-form inverse.
 */
public final class FlowFit {
    private FlowFit() {}

    /** Loss at each recorded iteration; {@code measure} names it: "kl" (reverse KL) or "nll" (negative log-likelihood). */
    public record History(double[] iterations, double[] loss, String measure) {}

    public static History fit(Flow flow, Gaussian target, int iterations, double lr, int batch, Rng rng) {
        if (target.dim != flow.dim) {
            throw new SomaError("fit: the flow has dim " + flow.dim + " but the target has dim " + target.dim);
        }
        BoxSupport box = flow.box();
        double logMass = 0;
        if (box != null) {
            double[] lo = new double[flow.dim], hi = new double[flow.dim];
            for (int j = 0; j < flow.dim; j++) {
                lo[j] = box.lo(j);
                hi[j] = box.hi(j);
            }
            logMass = Math.log(target.truncated(lo, hi)[0][0]);
        }
        double constant = target.logNormaliser() + logMass;
        // A mixture fits every component to the target (each starts where a single flow would);
        // the symmetry is not part of the fit: the starting point is the symmetrised fitted flow.
        int components = flow.components();
        return train(flow, "fit " + flow.name, "kl", iterations, lr, grad -> {
            double loss = 0;
            for (int k = 0; k < components; k++) {
                Flow.Pass p = flow.forward(k, flow.drawBase(batch, rng), batch, true);
                double[] z = p.z(), lq = p.logQ();
                double[] gZ = new double[batch * flow.dim], gLogQ = new double[batch];
                double part = 0;
                for (int s = 0; s < batch; s++) {
                    part += lq[s] - target.logDensity(z, s * flow.dim, gZ, -1.0 / batch);
                    gLogQ[s] = 1.0 / batch;
                }
                if (grad != null) {
                    double[] g = flow.backward(p, gZ, gLogQ);
                    if (components == 1) System.arraycopy(g, 0, grad, 0, grad.length);
                    else for (int i = 0; i < g.length; i++) grad[i] += g[i];
                }
                loss += part / batch / components;
            }
            return loss + constant;
        });
    }

    /**
     * One step of a fitting loss: returns the loss on a fresh batch and writes its gradient into
     * {@code grad}, which is null after the last update, when only the final loss is recorded.
     */
    interface Step {
        double loss(double[] grad);
    }

    /**
     * The loop both fits share: Adam on {@code step}, the loss recorded about 100 times, progress,
     * Ctrl-C (a first one stops here and keeps the parameters, see GracefulStop) and a located
     * failure if the loss stops being finite.
     */
    static History train(Flow flow, String label, String measure, int iterations, double lr, Step step) {
        Adam adam = new Adam(flow.paramCount(), lr);
        int every = Math.max(1, iterations / 100);
        int records = iterations / every + 1;
        double[] its = new double[records], losses = new double[records];
        int recorded = 0;
        Progress progress = Progress.start(label, iterations);
        try (GracefulStop.Scope stoppable = GracefulStop.enter()) {
            for (int it = 0; it <= iterations; it++) {
                Interrupts.poll();
                if (GracefulStop.requested()) {
                    // Keep the parameters as trained so far; the caller's flow is usable as it is.
                    System.err.println("fit: stopped by Ctrl-C at iteration " + it + " of " + iterations);
                    break;
                }
                double[] grad = it == iterations ? null : new double[flow.paramCount()];
                double loss = step.loss(grad);
                if (it % every == 0 && recorded < records) {
                    its[recorded] = it;
                    losses[recorded++] = loss;
                }
                if (!Double.isFinite(loss)) {
                    throw new SomaError("fit: the " + (measure.equals("kl") ? "loss" : "negative log-likelihood")
                            + " became " + loss + " at iteration " + it + "; try a smaller lr");
                }
                if (it == iterations) break;
                adam.step(flow.theta, grad);
                progress.update(it + 1);
            }
        } finally {
            progress.finish();
        }
        return new History(Arrays.copyOf(its, recorded), Arrays.copyOf(losses, recorded), measure);
    }
}
