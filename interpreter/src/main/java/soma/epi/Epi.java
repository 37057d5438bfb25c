package soma.epi;

import com.oracle.truffle.api.TruffleFile;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import soma.flow.Flow;
import soma.flow.FlowOps;
import soma.flow.Mixture;
import soma.io.guest.GuestFiles;
import soma.io.guest.WriterLock;
import soma.optim.Adam;
import soma.random.Rng;
import soma.runtime.SomaError;
import soma.util.GracefulStop;
import soma.util.Interrupts;
import soma.util.Progress;

/**
 * Emergent property inference (docs/epi.md): the maximum-entropy flow q subject to
 * E_q[T(x(z))] = mu, by the augmented Lagrangian. Each epoch runs Adam (reset at the start of the
 * epoch) on L = -H + eta . R + (c/2) |R|^2 with the reparameterised gradient through the flow,
 * the model and the statistics; after each epoch a fresh batch updates eta and c, runs the
 * Bonferroni-corrected tests, and the state is checkpointed so a killed run loses at most one epoch.
 */
public final class Epi {
    public record Options(
            int epochs,
            int iterations,
            int batch,
            double lr,
            double lrDecay,
            double c0,
            double beta,
            double gamma,
            double alpha,
            int testBatch,
            long seed,
            boolean untilConverged,
            TruffleFile checkpoint,
            TruffleFile resume,
            boolean quiet,
            boolean scaleStatistics) {}

    /** Everything a run has learned so far; also what a checkpoint holds. */
    public static final class State {
        public final Flow flow;
        public final AugmentedLagrangian al;
        public final History history = new History();
        public final Rng rng;
        public int epoch;
        public boolean finished;
        /** Where Ctrl-C stopped the run (see {@link GracefulStop}), or null. */
        public String stoppedAt;
        /** The highest-entropy epoch that passed the tests so far, its entropy and its parameters (null if none passed). */
        public int keptEpoch;

        public double keptEntropy;
        public double[] keptTheta;
        /**
         * Converged and done: this epoch passed the tests and its entropy is not significantly
         * above that of an earlier passing epoch, so the entropy has stopped rising. The first
         * passing epoch alone is not enough: the constraints can hold while the flow is still
         * spreading out towards the maximum-entropy answer.
         */
        public boolean settled;
        /**
         * Each statistic's unit in the augmented Lagrangian: its standard deviation under the
         * starting flow (with scale_statistics), else 1. Fixed for the run, so eta and c see R_i / s_i:
         * raw moments such as E[z^4] can be hundreds of times larger and noisier than E[z], and
         * would otherwise own the penalty. The answer does not change (E[T/s] = mu/s is the same
         * constraint); the tests are scale-free anyway.
         */
        public double[] scale;
        /** The property's targets mu (the std lines' s^2), from the latest check. */
        public double[] mu = new double[0];

        State(Flow flow, AugmentedLagrangian al, Rng rng) {
            this.flow = flow;
            this.al = al;
            this.rng = rng;
        }
    }

    private Epi() {}

    public static State run(
            Flow flow, Objective objective, int m, Options o, PrintWriter out, Consumer<State> onProgress) {
        if (o.batch() < 2) throw new SomaError("epi: batch must be at least 2 (the penalty gradient uses two halves)");
        // Claimed before any training: an unwritable checkpoint, or one another run is writing, is reported now, not
        // after an epoch.
        try (WriterLock claim = o.checkpoint() == null ? null : claim(o.checkpoint())) {
            return train(flow, objective, m, o, out, onProgress);
        }
    }

    private static WriterLock claim(TruffleFile checkpoint) {
        try {
            return WriterLock.acquire(checkpoint, "the checkpoint");
        } catch (SomaError e) {
            throw new SomaError("epi: " + e.getMessage());
        }
    }

    private static State train(
            Flow flow, Objective objective, int m, Options o, PrintWriter out, Consumer<State> onProgress) {
        State st = new State(flow, new AugmentedLagrangian(m, o.c0(), o.beta(), o.gamma()), new Rng(o.seed()));
        if (o.resume() != null && GuestFiles.exists(o.resume())) {
            Checkpoint.restore(st, o.resume(), m);
            if (!o.quiet()) out.println("epi: resumed from " + o.resume() + " after epoch " + st.epoch);
        } else {
            check(st, objective, o, out); // epoch 0: where the flow starts
        }
        onProgress.accept(st);
        long total = (long) o.epochs() * o.iterations();
        Progress progress = Progress.start("epi", total, o.quiet() ? 0 : 60);
        try (GracefulStop.Scope stoppable = GracefulStop.enter()) {
            while (st.epoch < o.epochs() && !(o.untilConverged() && st.settled)) {
                Adam adam = new Adam(flow.paramCount(), o.lr());
                for (int it = 0; it < o.iterations(); it++) {
                    Interrupts.poll();
                    if (GracefulStop.requested()) {
                        stopped(st, o, it, out);
                        return st;
                    }
                    adam.learningRate(learningRate(o, it));
                    double[] stats = step(st, objective, adam, o.batch(), st.epoch + 1, it);
                    long done = (long) st.epoch * o.iterations() + it + 1;
                    progress.update(
                            done,
                            String.format(
                                    Locale.ROOT,
                                    "epoch %d/%d it %d: H %.3f |R| %.3g c %.3g",
                                    st.epoch + 1,
                                    o.epochs(),
                                    it + 1,
                                    stats[0],
                                    stats[1],
                                    st.al.c));
                }
                st.epoch++;
                check(st, objective, o, out);
                if (o.checkpoint() != null) Checkpoint.save(st, o.checkpoint());
                onProgress.accept(st);
            }
            keepBest(st, out, o);
            st.finished = true;
        } finally {
            progress.finish();
        }
        return st;
    }

    /**
     * The step size at iteration it of an epoch: lr at the start of every epoch (when the
     * multipliers have just moved), decaying on a cosine to lr * lr_decay at its end, so that the
     * flow the end-of-epoch tests see is not jittering by more than their standard errors.
     */
    static double learningRate(Options o, int it) {
        double progress = o.iterations() <= 1 ? 0 : (double) it / (o.iterations() - 1);
        return o.lr() * (o.lrDecay() + (1 - o.lrDecay()) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }

    /** Ctrl-C asked for a stop: the flow stays as trained so far; the last checkpoint is the last finished epoch. */
    private static void stopped(State st, Options o, int it, PrintWriter out) {
        st.stoppedAt = String.format(Locale.ROOT, "epoch %d, iteration %d", st.epoch + 1, it + 1);
        out.println("epi: stopped by Ctrl-C in " + st.stoppedAt + "; returning the flow as trained so far"
                + (o.checkpoint() != null && st.epoch > 0
                        ? " (the checkpoint " + o.checkpoint() + " holds epoch " + st.epoch + ")"
                        : ""));
        out.flush();
    }

    /** One Adam step on a fresh batch; returns {entropy, |R|} of the batch for the progress line. */
    private static double[] step(State st, Objective objective, Adam adam, int n, int epoch, int it) {
        Flow flow = st.flow;
        int k = flow.dim;
        Mixture.Batch batch = Mixture.batch(flow, n, st.rng, true);
        double[] z = batch.z;
        Objective.Evaluation ev = objective.evaluate(z, n, true);
        int m = ev.mu().length;
        for (int i = 0; i < ev.t().length; i++) {
            if (!Double.isFinite(ev.t()[i])) {
                int s = i / m;
                throw new SomaError("epi: statistic " + (i % m + 1) + " is " + ev.t()[i] + " in epoch " + epoch
                        + ", iteration " + (it + 1) + ", for the parameters "
                        + Arrays.toString(Arrays.copyOfRange(z, s * k, s * k + k)));
            }
        }
        AugmentedLagrangian.Strata strata = new AugmentedLagrangian.Strata(
                batch.component, batch.firstHalf, batch.pi, batch.count, batch.countFirstHalf);
        double[] unscaledMu = ev.mu(), unscaledT = ev.t();
        ev = scaled(ev, st.scale, n, k);
        double[] w = st.al.weights(ev.t(), ev.mu(), strata);
        double[] gZ = new double[n * k], gLogQ = new double[n];
        double entropy = 0;
        double[] lq = batch.logQ;
        for (int s = 0; s < n; s++) {
            int c = batch.component[s];
            gLogQ[s] = batch.pi[c] / batch.count[c]; // -H = sum_k pi_k mean_k log q
            entropy -= lq[s] * batch.pi[c] / batch.count[c];
            for (int i = 0; i < m; i++) {
                double ws = w[s * m + i];
                for (int j = 0; j < k; j++) gZ[s * k + j] += ws * ev.g()[(s * m + i) * k + j];
            }
        }
        double[] gPi = flow.components() > 1 ? st.al.weightGradient(ev.t(), lq, ev.mu(), strata) : null;
        double[] grad = batch.gradient(gZ, gLogQ, gPi);
        for (double g : grad) {
            if (!Double.isFinite(g)) {
                throw new SomaError(nonFiniteGradient(st.al.c, epoch, it));
            }
        }
        adam.step(flow.theta, grad);
        return new double[] {
            entropy, AugmentedLagrangian.norm(AugmentedLagrangian.mean(unscaledT, unscaledMu, strata, 0))
        };
    }

    /**
     * Why the gradient overflowed. At the cap on c the penalty has grown as far as it may because
     * the violation never fell enough: the constraint is the problem, and a smaller lr would not help.
     */
    static String nonFiniteGradient(double c, int epoch, int it) {
        String where = "epi: the gradient became non-finite in epoch " + epoch + ", iteration " + (it + 1);
        if (c >= AugmentedLagrangian.MAX_C) {
            return where + ": the penalty c reached its cap ("
                    + String.format(Locale.ROOT, "%.3g", AugmentedLagrangian.MAX_C)
                    + ") because the constraint violation stopped shrinking, so the constraint cannot be met by this flow and model "
                    + "(check the targets, the statistics' scale and the flow's support)";
        }
        return where + " (penalty c = " + String.format(Locale.ROOT, "%.3g", c) + "); try a smaller lr or a smaller c0";
    }

    /** T, dT/dz and mu in the units of {@code scale} (each statistic divided by its scale); unchanged without one. */
    private static Objective.Evaluation scaled(Objective.Evaluation ev, double[] scale, int n, int k) {
        if (scale == null) return ev;
        int m = scale.length;
        double[] t = ev.t().clone(),
                mu = ev.mu().clone(),
                g = ev.g() == null ? null : ev.g().clone();
        for (int i = 0; i < m; i++) mu[i] /= scale[i];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < m; i++) {
                t[s * m + i] /= scale[i];
                if (g != null) for (int j = 0; j < k; j++) g[(s * m + i) * k + j] /= scale[i];
            }
        }
        return new Objective.Evaluation(t, g, mu);
    }

    /** r / scale, a copy. */
    private static double[] inUnits(double[] r, double[] scale) {
        double[] out = r.clone();
        if (scale != null) for (int i = 0; i < out.length; i++) out[i] /= scale[i];
        return out;
    }

    /**
     * The end-of-epoch check on a fresh batch of independent samples: history row (entropy, R with
     * its standard errors, tests), the highest-entropy passing epoch remembered, then the multiplier
     * and penalty update, where c grows only if the tests say the violation is real.
     */
    private static void check(State st, Objective objective, Options o, PrintWriter out) {
        Flow flow = st.flow;
        int n = o.testBatch();
        double[][] drawn = FlowOps.draw(flow, n, st.rng);
        Objective.Evaluation ev = objective.evaluate(drawn[0], n, false);
        int m = ev.mu().length;
        st.mu = ev.mu().clone();
        double[] r = AugmentedLagrangian.mean(ev.t(), 0, n, m, ev.mu());
        double entropy = 0;
        for (double v : drawn[1]) entropy -= v / n;
        ConvergenceTest.Result test = ConvergenceTest.test(ev.t(), ev.mu(), n, o.alpha());
        boolean passed = m == 0 || test.passed();
        st.history.checks.add(new History.Check(
                st.epoch,
                entropy,
                r,
                st.al.c,
                st.al.eta.clone(),
                test.pValues(),
                passed,
                drawn[0].clone(),
                test.standardErrors()));
        if (passed && st.epoch > 0) {
            // the entropy estimate's standard error: the spread of log q over the fresh samples
            double sq = 0;
            for (double v : drawn[1]) sq += (v + entropy) * (v + entropy);
            double se = Math.sqrt(sq / (n - 1) / n);
            if (st.keptTheta != null && entropy <= st.keptEntropy + 2 * Math.sqrt(2) * se) st.settled = true;
            if (st.keptTheta == null || entropy > st.keptEntropy) {
                st.keptEpoch = st.epoch;
                st.keptEntropy = entropy;
                st.keptTheta = flow.theta.clone();
            }
        }
        if (!o.quiet()) {
            out.println(String.format(
                    Locale.ROOT,
                    "epi epoch %d: H = %.3f, |R| = %.3g, c = %.3g, tests %s",
                    st.epoch,
                    entropy,
                    AugmentedLagrangian.norm(r),
                    st.al.c,
                    passed ? "pass" : "fail"));
            out.flush();
        }
        if (st.epoch == 0) {
            if (o.scaleStatistics()) {
                st.scale = new double[m];
                for (int i = 0; i < m; i++) {
                    double sd = test.standardErrors()[i] * Math.sqrt(n);
                    st.scale[i] = sd > 0 && Double.isFinite(sd) ? sd : 1;
                }
            }
            st.al.previous = inUnits(r, st.scale);
        } else {
            st.al.update(inUnits(r, st.scale), !passed);
        }
    }

    /** At the end of a run: the flow of the highest-entropy epoch that passed the tests (the EPI paper's choice), if any. */
    private static void keepBest(State st, PrintWriter out, Options o) {
        if (st.keptTheta == null || st.keptEpoch == st.epoch) return;
        System.arraycopy(st.keptTheta, 0, st.flow.theta, 0, st.keptTheta.length);
        if (!o.quiet()) {
            out.println("epi: kept epoch " + st.keptEpoch + ", the highest-entropy epoch that passed the tests");
            out.flush();
        }
    }
}
