package soma.analysis;

import soma.runtime.SomaError;

/**
 * Frequency estimates of simulated traces. {@link #hubFrequency} is the differentiable
 * statistic of the STG spec (../shared/spec/stg.md): rectify, moving average, mean removal,
 * DFT magnitude on a frequency grid, soft arg-max. The plain helpers give a spectrum and its peak.
 */
public final class Spectra {
    private Spectra() {}

    public record HubOptions(double dt, int start, int window, double alpha, double fMax, int frequencies) {}

    public static double hubFrequency(double[] v, int offset, int length, HubOptions o) {
        checkLength(length, o);
        return hubFrequency(v, offset, length, o, basis(length - o.start() - o.window() + 1, o));
    }

    private record BasisKey(int n, HubOptions o) {}

    /** Bases by trace length and options: a sweep or an inference asks for the same one again and again. */
    private static final java.util.Map<BasisKey, Basis> BASES = new java.util.concurrent.ConcurrentHashMap<>();

    private static Basis basis(int n, HubOptions o) {
        if (BASES.size() > 64) BASES.clear();
        return BASES.computeIfAbsent(new BasisKey(n, o), k -> new Basis(k.n(), k.o()));
    }

    /** The hub frequency of each row of a (rows x length) matrix, rows spread over the cores, one DFT basis for all. */
    public static double[] hubFrequencies(double[] v, int rows, int length, HubOptions o) {
        checkLength(length, o);
        Basis basis = basis(length - o.start() - o.window() + 1, o);
        double[] out = new double[rows];
        java.util.stream.IntStream.range(0, rows).parallel().forEach(i -> out[i] = hubFrequency(v, i * length, length, o, basis));
        return out;
    }

    private static void checkLength(int length, HubOptions o) {
        if (length - o.start() < o.window()) {
            throw new SomaError("hub_frequency: the trace has " + length + " samples, fewer than fft_start + window = " + (o.start() + o.window()));
        }
    }

    /**
     * cos and sin of 2 pi f m / Fs for every frequency f of the grid and every sample m, computed
     * once per call: each trace's DFT is then two dot products per frequency, with no dependency
     * chain from step to step (a rotating phasor is latency-bound), which is several times faster.
     */
    private static final class Basis {
        final double[] freqs, cos, sin;
        final int n;

        Basis(int n, HubOptions o) {
            this.n = n;
            this.freqs = grid(o.fMax(), o.frequencies());
            this.cos = new double[freqs.length * Math.max(n, 0)];
            this.sin = new double[cos.length];
            for (int j = 0; j < freqs.length; j++) {
                double w = 2 * Math.PI * freqs[j] * o.dt();
                for (int m = 0; m < n; m++) {
                    cos[j * n + m] = Math.cos(w * m);
                    sin[j * n + m] = Math.sin(w * m);
                }
            }
        }
    }

    private static double hubFrequency(double[] v, int offset, int length, HubOptions o, Basis basis) {
        checkLength(length, o);
        int m = length - o.start();
        double[] r = new double[m];
        for (int i = 0; i < m; i++) r[i] = Math.max(v[offset + o.start() + i] + 0.01, 0) - 0.01;
        int n = m - o.window() + 1;
        double[] x = new double[n];
        double run = 0;
        for (int i = 0; i < o.window(); i++) run += r[i];
        x[0] = run / o.window();
        for (int i = 1; i < n; i++) {
            run += r[i + o.window() - 1] - r[i - 1];
            x[i] = run / o.window();
        }
        double mean = 0;
        for (double xi : x) mean += xi;
        mean /= n;
        for (int i = 0; i < n; i++) x[i] -= mean;
        double[] mag = new double[basis.freqs.length];
        for (int j = 0; j < mag.length; j++) {
            double re = 0, im = 0;
            int row = j * n;
            for (int k = 0; k < n; k++) {
                re += x[k] * basis.cos[row + k];
                im += x[k] * basis.sin[row + k];
            }
            mag[j] = Math.sqrt(re * re + im * im);
        }
        return softArgMax(basis.freqs, mag, o.alpha());
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

    /** sum f p(f) with p = |X|^alpha / sum |X|^alpha, computed relative to the largest |X| so it cannot overflow. */
    static double softArgMax(double[] freqs, double[] mag, double alpha) {
        double top = 0;
        for (double m : mag) top = Math.max(top, m);
        if (top == 0) return 0;
        double num = 0, den = 0;
        for (int j = 0; j < mag.length; j++) {
            double ratio = mag[j] / top;
            if (alpha >= 100 && ratio < 1e-3) continue; // ratio^alpha < 1e-300: nothing next to the top's 1
            double p = Math.pow(ratio, alpha);
            num += freqs[j] * p;
            den += p;
        }
        return num / den;
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
