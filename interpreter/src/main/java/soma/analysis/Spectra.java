package soma.analysis;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import soma.runtime.SomaError;

/**
 * Frequency estimates of simulated traces. {@link #hubFrequency} is the differentiable
 * statistic of the STG spec (docs/stg.md): rectify, moving average, mean removal,
 * DFT magnitude on a frequency grid, soft arg-max. The plain helpers give a spectrum and its peak.
 *
 * <p>Two weightings of the soft arg-max. The spec's (the seed's): p(f) = |X(f)|^alpha / sum
 * |X|^alpha, which only sees the shape of the spectrum. The EPI paper's (Bittner et al., eLife 2021;
 * published code: cunningham-lab/epi, epi/STG_Circuit.py, {@code NetworkFreq}): p = softmax(beta
 * |X|) on the raw magnitudes, so a quiet spectrum (small |X|, in V times samples) gives a broad p
 * and a loud one a sharp p. See {@link HubOptions#paper}.
 */
public final class Spectra {
    private Spectra() {}

    /**
     * Options of the hub frequency: the trace's sampling step, the samples dropped at the start,
     * the moving-average window, the exponent (spec) or inverse temperature (paper) of the soft
     * arg-max, the frequency grid linspace(0, fMax, frequencies), the rectification threshold (r =
     * max(v - threshold, 0) + threshold, in the trace's units) and the weighting.
     */
    public record HubOptions(
            double dt,
            int start,
            int window,
            double alpha,
            double fMax,
            int frequencies,
            double threshold,
            boolean softmax) {
        /** The spec's statistic: threshold -10 mV (r = relu(v + 0.01) - 0.01), weights |X|^alpha normalised. */
        public HubOptions(double dt, int start, int window, double alpha, double fMax, int frequencies) {
            this(dt, start, window, alpha, fMax, frequencies, -0.01, false);
        }

        /**
         * The paper's statistic as in its published code (epi/STG_Circuit.py): drop fft_start = 20
         * samples of the T + 1 (the initial state included), relu at 0 V (the trace in volts),
         * moving average of w = 20 samples ('VALID' convolution: T - 20 + 1 - 19 samples), mean
         * removed, DFT with basis exp(-2 pi i f m dt) at linspace(0, 1, 101) Hz (no normalisation),
         * f = 0.01 * sum_k k softmax(beta |X|)_k. The code uses beta = 500 (BETA in
         * STG_Circuit.py); the paper's text says 100; earlier scripts used exp(50 |X|) and
         * exp(100 |X|). The code computes in float32; this is double precision.
         */
        public static HubOptions paper(double dt, double beta) {
            return new HubOptions(dt, 20, 20, beta, 1, 101, 0, true);
        }
    }

    public static double hubFrequency(double[] v, int offset, int length, HubOptions o) {
        checkLength(length, o);
        Basis basis = basis(length - o.start() - o.window() + 1, o);
        if (o.softmax()) {
            double[] out = new double[1];
            paperBlock(v, offset, length, 1, o, basis, out, 0);
            return out[0];
        }
        return hubFrequency(v, offset, o, basis);
    }

    private record BasisKey(int n, double dt, double fMax, int frequencies) {}

    /** Bases by trace length and grid: a sweep or an inference asks for the same one again and again. */
    private static final Map<BasisKey, Basis> BASES = new ConcurrentHashMap<>();

    private static Basis basis(int n, HubOptions o) {
        if (BASES.size() > 64) BASES.clear();
        return BASES.computeIfAbsent(new BasisKey(n, o.dt(), o.fMax(), o.frequencies()), k -> new Basis(k.n(), o));
    }

    /** Rows per task of the paper's statistic (its work arrays are reused within a block). */
    private static final int BLOCK = 8;

    /** Rows per task of the spec's statistic: several register blocks of {@link #ROWS}, so a task is worth its scheduling. */
    private static final int SPEC_BLOCK = 32;

    /** The hub frequency of each row of a (rows x length) matrix, rows spread over the cores, one DFT basis for all. */
    public static double[] hubFrequencies(double[] v, int rows, int length, HubOptions o) {
        checkLength(length, o);
        Basis basis = basis(length - o.start() - o.window() + 1, o);
        double[] out = new double[rows];
        if (o.softmax()) {
            int blocks = (rows + BLOCK - 1) / BLOCK;
            IntStream.range(0, blocks).parallel().forEach(b -> {
                int first = b * BLOCK;
                paperBlock(v, first * length, length, Math.min(BLOCK, rows - first), o, basis, out, first);
            });
            return out;
        }
        int blocks = (rows + SPEC_BLOCK - 1) / SPEC_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int first = b * SPEC_BLOCK;
            specBlock(v, first * length, length, Math.min(SPEC_BLOCK, rows - first), o, basis, out, first);
        });
        return out;
    }

    private static void checkLength(int length, HubOptions o) {
        if (length - o.start() < o.window()) {
            throw new SomaError("hub_frequency: the trace has " + length + " samples, fewer than fft_start + window = "
                    + (o.start() + o.window()));
        }
    }

    /**
     * cos and sin of 2 pi f m / Fs for every frequency f of the grid and every sample m, computed
     * once per call: each trace's DFT is then two dot products per frequency, with no dependency
     * chain from step to step (a rotating phasor is latency-bound), which is several times faster.
     */
    private static final class Basis {
        /** cos[j * n + m], sin[j * n + m]; lambda[j] = 4 sin^2(w_j / 2) for the Reinsch recursion, null if some w_j > pi / 2. */
        final double[] freqs, cos, sin, lambda;
        /**
         * The same, transposed, one array per sample: cosRows[m][j], so a trace's DFT is a loop over
         * the grid (vectorised: C2 vectorises such a loop only when every array in it has the same
         * index, which separate rows give).
         */
        final double[][] cosRows, sinRows;

        final int n;

        Basis(int n, HubOptions o) {
            this.n = n;
            this.freqs = grid(o.fMax(), o.frequencies());
            this.cos = new double[freqs.length * Math.max(n, 0)];
            this.sin = new double[cos.length];
            double[] l = new double[freqs.length];
            boolean slow = true;
            for (int j = 0; j < freqs.length; j++) {
                double w = 2 * Math.PI * freqs[j] * o.dt();
                for (int m = 0; m < n; m++) {
                    cos[j * n + m] = Math.cos(w * m);
                    sin[j * n + m] = Math.sin(w * m);
                }
                double s = Math.sin(w / 2);
                l[j] = 4 * s * s;
                slow &= Math.abs(w) <= Math.PI / 2;
            }
            this.lambda = slow ? l : null;
            int count = freqs.length;
            this.cosRows = new double[Math.max(n, 0)][count];
            this.sinRows = new double[Math.max(n, 0)][count];
            for (int j = 0; j < count; j++) {
                for (int m = 0; m < n; m++) {
                    cosRows[m][j] = cos[j * n + m];
                    sinRows[m][j] = sin[j * n + m];
                }
            }
        }
    }

    /**
     * The paper's statistic for {@code rows} consecutive traces starting at {@code offset}, into
     * out[at..]. |X(f)| comes from Reinsch's form of the Goertzel recursion, run for all
     * frequencies at once (d_m = x_m - lambda u_(m-1) + d_(m-1), u_m = u_(m-1) + d_m, then |X|^2 =
     * d^2 + lambda u (u - d) with lambda = 4 sin^2(w / 2)): an elementwise loop over the frequency
     * grid with no dependency between frequencies, 3-4 times faster here than the dot products with
     * the cached basis (about 4 against 15 us per T = 300 trace on one core) and as accurate (2e-15 against the direct sum on STG traces, where plain Goertzel loses
     * 2e-13 at low frequencies). Frequencies above a quarter of the sampling rate fall back to the
     * dot products.
     */
    private static void paperBlock(
            double[] v, int offset, int length, int rows, HubOptions o, Basis basis, double[] out, int at) {
        int n = basis.n, count = basis.freqs.length, w = o.window();
        double threshold = o.threshold(), beta = o.alpha();
        double[] x = new double[n], mag = new double[count], u = new double[count], d = new double[count];
        double[] lambda = basis.lambda;
        for (int r = 0; r < rows; r++) {
            int base = offset + r * length + o.start();
            // not centredAverage: the paper's code adds no threshold back and divides by w after the mean removal
            double run = 0;
            for (int i = 0; i < w; i++) run += Math.max(v[base + i] - threshold, 0);
            x[0] = run;
            for (int i = 1; i < n; i++) {
                run += Math.max(v[base + i + w - 1] - threshold, 0) - Math.max(v[base + i - 1] - threshold, 0);
                x[i] = run;
            }
            double mean = 0;
            for (int i = 0; i < n; i++) mean += x[i];
            mean /= n;
            for (int i = 0; i < n; i++) x[i] = (x[i] - mean) / w;
            double top = 0;
            if (lambda != null) {
                Arrays.fill(u, 0);
                Arrays.fill(d, 0);
                int m = 0;
                for (; m + 1 < n; m += 2) {
                    double x0 = x[m], x1 = x[m + 1];
                    for (int j = 0; j < count; j++) {
                        double l = lambda[j];
                        double d1 = x0 - l * u[j] + d[j];
                        double u1 = u[j] + d1;
                        double d2 = x1 - l * u1 + d1;
                        d[j] = d2;
                        u[j] = u1 + d2;
                    }
                }
                for (; m < n; m++) {
                    double x0 = x[m];
                    for (int j = 0; j < count; j++) {
                        double d1 = x0 - lambda[j] * u[j] + d[j];
                        d[j] = d1;
                        u[j] += d1;
                    }
                }
                for (int j = 0; j < count; j++) {
                    mag[j] = Math.sqrt(Math.max(0, d[j] * d[j] + lambda[j] * u[j] * (u[j] - d[j])));
                    top = Math.max(top, mag[j]);
                }
            } else {
                for (int j = 0; j < count; j++) {
                    double re = 0, im = 0;
                    int row = j * n;
                    for (int k = 0; k < n; k++) {
                        re += x[k] * basis.cos[row + k];
                        im += x[k] * basis.sin[row + k];
                    }
                    mag[j] = Math.sqrt(re * re + im * im);
                    top = Math.max(top, mag[j]);
                }
            }
            out[at + r] = softmaxArgMax(basis.freqs, mag, top, beta);
        }
    }

    /**
     * sum f p(f) with p = softmax(beta |X|), computed relative to the largest |X| so it cannot
     * overflow; terms below e^-50 of the top's weight (2e-22) are left out, which saves most of the
     * exponentials of a sharp spectrum.
     */
    static double softmaxArgMax(double[] freqs, double[] mag, double top, double beta) {
        double num = 0, den = 0;
        for (int j = 0; j < mag.length; j++) {
            double e = beta * (mag[j] - top);
            if (e < -50) continue;
            double p = Math.exp(e);
            num += freqs[j] * p;
            den += p;
        }
        return num / den;
    }

    /** The spec's statistic of one trace (its length checked by the caller). */
    private static double hubFrequency(double[] v, int offset, HubOptions o, Basis basis) {
        int n = basis.n, count = basis.freqs.length;
        double[] x = new double[n];
        centredAverage(v, offset, o, n, x);
        double[] re = new double[count], im = new double[count];
        // every frequency's sum in the same order (k ascending, from 0) as a dot product per frequency,
        // but with the frequency innermost: a loop that C2 vectorises, no dependency chain per sum
        for (int k = 0; k < n; k++) {
            double xk = x[k];
            double[] c = basis.cosRows[k], s = basis.sinRows[k];
            for (int j = 0; j < count; j++) re[j] += xk * c[j]; // one array stored per loop: vectorised
            for (int j = 0; j < count; j++) im[j] += xk * s[j];
        }
        return softArgMax(basis.freqs, magnitude(re, im, new double[count]), o.alpha());
    }

    /**
     * The spec's preprocessing of one trace into x[0..n): rectify (r = max(v - threshold, 0) +
     * threshold), moving average of o.window() samples from o.start(), mean removed.
     */
    private static void centredAverage(double[] v, int offset, HubOptions o, int n, double[] x) {
        int w = o.window(), base = offset + o.start();
        double threshold = o.threshold();
        double run = 0;
        for (int i = 0; i < w; i++) run += Math.max(v[base + i] - threshold, 0) + threshold;
        x[0] = run / w;
        for (int i = 1; i < n; i++) {
            run += (Math.max(v[base + i + w - 1] - threshold, 0) + threshold)
                    - (Math.max(v[base + i - 1] - threshold, 0) + threshold);
            x[i] = run / w;
        }
        double mean = 0;
        for (int i = 0; i < n; i++) mean += x[i];
        mean /= n;
        for (int i = 0; i < n; i++) x[i] -= mean;
    }

    /** Rows of the spec's statistic computed together: each load of the cached basis serves all of them. */
    static final int ROWS = 4;

    /**
     * The spec's statistic of {@code rows} consecutive traces from {@code offset} into out[at..],
     * {@link #ROWS} at a time. The DFT is the per-trace loop of {@link #hubFrequency(double[], int,
     * HubOptions, Basis)} register-blocked: four traces and two samples per pass over the
     * frequency grid, so one load of a basis value serves four traces and one load and store of an
     * accumulator serves two samples (the plain loop loads and stores an accumulator per sample
     * and loads the 200 kB basis once per trace); 5-7 times faster on one core. Each sum is still
     * formed in the same order, k ascending, with the same roundings ((s + x_k c_k) + x_(k+1)
     * c_(k+1)), so the result is bit for bit the single trace's.
     */
    private static void specBlock(
            double[] v, int offset, int length, int rows, HubOptions o, Basis basis, double[] out, int at) {
        int n = basis.n, count = basis.freqs.length;
        int r = 0;
        if (rows >= ROWS) {
            double[] x0 = new double[n], x1 = new double[n], x2 = new double[n], x3 = new double[n];
            double[] re0 = new double[count], re1 = new double[count], re2 = new double[count], re3 = new double[count];
            double[] im0 = new double[count], im1 = new double[count], im2 = new double[count], im3 = new double[count];
            double[] mag = new double[count];
            double skip = negligible(o.alpha());
            for (; r + ROWS <= rows; r += ROWS) {
                int first = offset + r * length;
                centredAverage(v, first, o, n, x0);
                centredAverage(v, first + length, o, n, x1);
                centredAverage(v, first + 2 * length, o, n, x2);
                centredAverage(v, first + 3 * length, o, n, x3);
                sums4(x0, x1, x2, x3, basis.cosRows, n, re0, re1, re2, re3);
                sums4(x0, x1, x2, x3, basis.sinRows, n, im0, im1, im2, im3);
                out[at + r] = softArgMax(basis.freqs, magnitude(re0, im0, mag), o.alpha(), skip);
                out[at + r + 1] = softArgMax(basis.freqs, magnitude(re1, im1, mag), o.alpha(), skip);
                out[at + r + 2] = softArgMax(basis.freqs, magnitude(re2, im2, mag), o.alpha(), skip);
                out[at + r + 3] = softArgMax(basis.freqs, magnitude(re3, im3, mag), o.alpha(), skip);
            }
        }
        for (; r < rows; r++) out[at + r] = hubFrequency(v, offset + r * length, o, basis);
    }

    private static double[] magnitude(double[] re, double[] im, double[] mag) {
        for (int j = 0; j < mag.length; j++) mag[j] = Math.sqrt(re[j] * re[j] + im[j] * im[j]);
        return mag;
    }

    /**
     * s_r[j] = sum_k x_r[k] basis[k][j] for four traces r, k ascending, into s0..s3 (overwritten).
     * Every array is indexed by j alone, which C2 vectorises whatever aliases what (with offsets
     * into one flat basis it does not); with more traces or samples per pass it stops vectorising.
     */
    private static void sums4(
            double[] x0,
            double[] x1,
            double[] x2,
            double[] x3,
            double[][] basis,
            int n,
            double[] s0,
            double[] s1,
            double[] s2,
            double[] s3) {
        Arrays.fill(s0, 0);
        Arrays.fill(s1, 0);
        Arrays.fill(s2, 0);
        Arrays.fill(s3, 0);
        int count = s0.length;
        int k = 0;
        for (; k + 2 <= n; k += 2) {
            double a0 = x0[k], b0 = x1[k], c0 = x2[k], d0 = x3[k];
            double a1 = x0[k + 1], b1 = x1[k + 1], c1 = x2[k + 1], d1 = x3[k + 1];
            double[] e = basis[k], f = basis[k + 1];
            for (int j = 0; j < count; j++) {
                double ej = e[j], fj = f[j];
                s0[j] = (s0[j] + a0 * ej) + a1 * fj;
                s1[j] = (s1[j] + b0 * ej) + b1 * fj;
                s2[j] = (s2[j] + c0 * ej) + c1 * fj;
                s3[j] = (s3[j] + d0 * ej) + d1 * fj;
            }
        }
        for (; k < n; k++) {
            double a = x0[k], b = x1[k], c = x2[k], d = x3[k];
            double[] e = basis[k];
            for (int j = 0; j < count; j++) {
                double ej = e[j];
                s0[j] += a * ej;
                s1[j] += b * ej;
                s2[j] += c * ej;
                s3[j] += d * ej;
            }
        }
    }

    static double[] grid(double fMax, int count) {
        double[] f = new double[count];
        for (int i = 0; i < count; i++) f[i] = count == 1 ? 0 : fMax * i / (count - 1);
        return f;
    }

    /** |sum_m x[m] exp(-2 pi i k m / n)| with k = n f / Fs, for each f. */
    public static double[] magnitudes(double[] x, double[] freqs, double fs) {
        int n = x.length;
        double[] out = new double[freqs.length];
        for (int j = 0; j < freqs.length; j++) {
            double w = 2 * Math.PI * freqs[j] / fs; // = 2 pi k / n
            double re = 0, im = 0;
            // rotate a phasor instead of calling cos/sin n times; renormalised every 64 steps
            double c = Math.cos(w), s = Math.sin(w), pr = 1, pi = 0;
            for (int m = 0; m < n; m++) {
                re += x[m] * pr;
                im -= x[m] * pi;
                double t = pr * c - pi * s;
                pi = pr * s + pi * c;
                pr = t;
                if ((m & 63) == 63) {
                    pr = Math.cos(w * (m + 1));
                    pi = Math.sin(w * (m + 1));
                }
            }
            out[j] = Math.hypot(re, im);
        }
        return out;
    }

    /**
     * sum f p(f) with p = |X|^alpha / sum |X|^alpha, computed relative to the largest |X| so it
     * cannot overflow. Terms with ratio^alpha below 1e-20 are left out (for alpha > 0): the top's
     * term is 1, so the at most 101 of them change the sums by under 1e-17 of their values, below
     * half an ulp, and most of the pow calls (the bulk of this function's time) with them.
     */
    static double softArgMax(double[] freqs, double[] mag, double alpha) {
        return softArgMax(freqs, mag, alpha, negligible(alpha));
    }

    /** The same with {@code negligible(alpha)} given (a block of traces computes it once). */
    private static double softArgMax(double[] freqs, double[] mag, double alpha, double negligible) {
        double top = 0;
        for (double m : mag) top = Math.max(top, m);
        if (top == 0) return 0;
        double num = 0, den = 0;
        double below = negligible * top;
        for (int j = 0; j < mag.length; j++) {
            if (mag[j] < below) continue;
            double ratio = mag[j] / top;
            double p = Math.pow(ratio, alpha);
            num += freqs[j] * p;
            den += p;
        }
        return num / den;
    }

    /** The ratio below which ratio^alpha < 1e-20 (0.63 for alpha 100), or 0 (nothing skipped) unless alpha > 0. */
    static double negligible(double alpha) {
        return alpha > 0 ? Math.pow(10, -20 / alpha) : 0;
    }

    /** The frequency of the largest |X(f)| on a grid up to fMax (mean removed first). */
    public static double dominant(double[] x, double dt, double fMax, int count) {
        double[] centred = centred(x);
        double[] freqs = grid(fMax, count);
        double[] mag = magnitudes(centred, freqs, 1 / dt);
        int best = 1;
        for (int j = 1; j < mag.length; j++) if (mag[j] > mag[best]) best = j;
        return freqs[best];
    }

    public static double[] centred(double[] x) {
        double mean = 0;
        for (double v : x) mean += v;
        mean /= x.length;
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = x[i] - mean;
        return out;
    }
}
