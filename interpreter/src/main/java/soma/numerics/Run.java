package soma.numerics;

import soma.model.nodes.Workspace;

/**
 * One sample being integrated: the integrator's argument. It holds the state, the stage arrays
 * of the method and the recording, so integrating allocates nothing per step, and several
 * threads can run the same compiled integrator on different runs at once.
 */
public final class Run {
    final Workspace w;
    final double[] y;
    final double[][] stages;
    final double[] tmp;
    final double t0;
    final double dt;
    final long steps;
    final int every;
    final int[] recorded;
    /** When the recorded elements are one contiguous block (the usual case): its start, else -1. */
    final int contiguousFrom;
    /** Row r: the recorded state elements at time t0 + r * every * dt, from {@link #outBase} on. */
    double[] out;
    /** Where this sample's rows start in {@link #out} (a batch may record into one shared array). */
    int outBase;

    int rows;
    long step;
    /** Steps left until the next recorded row (a countdown: cheaper than step % every). */
    int untilRecord;

    int sample;
    // adaptive methods
    final double rtol;
    final double atol;
    double t;
    double h;
    long attempts;

    Run(
            Workspace w,
            int n,
            int stageCount,
            double t0,
            double dt,
            long steps,
            int every,
            int[] recorded,
            double rtol,
            double atol) {
        this.w = w;
        this.y = new double[n];
        this.stages = new double[stageCount][n];
        this.tmp = new double[n];
        this.t0 = t0;
        this.dt = dt;
        this.steps = steps;
        this.every = every;
        this.recorded = recorded;
        boolean contiguous = recorded.length > 0;
        for (int j = 1; j < recorded.length; j++) contiguous &= recorded[j] == recorded[0] + j;
        this.contiguousFrom = contiguous ? recorded[0] : -1;
        this.rtol = rtol;
        this.atol = atol;
    }

    /** Starts a new sample that records into {@code into} from {@code base} on (room for all its rows). */
    void reset(int sample, double[] y0, double[][] constants, double[] into, int base) {
        this.sample = sample;
        System.arraycopy(y0, 0, y, 0, y.length);
        w.c = constants;
        out = into;
        outBase = base;
        rows = 0;
        step = 0;
        untilRecord = every;
        t = t0;
        h = 0;
        attempts = 0;
        record();
    }

    void record() {
        int base = outBase + rows * recorded.length;
        if (contiguousFrom >= 0) System.arraycopy(y, contiguousFrom, out, base, recorded.length);
        else for (int j = 0; j < recorded.length; j++) out[base + j] = y[recorded[j]];
        rows++;
    }
}
