package soma.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The spec's hub frequency of a matrix (rows register-blocked against the cached basis, negligible
 * weights skipped) against each row on its own and against the direct double sum, term by term.
 */
class SpectraTest {
    /** Square-ish waves in volts (bursts at 20 mV, rest at -60 mV) with noise, as the STG hub's trace. */
    private static double[] traces(int rows, int length, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[rows * length];
        for (int r = 0; r < rows; r++) {
            double f = 0.1 + 0.9 * rnd.nextDouble(), phase = rnd.nextDouble(), duty = 0.1 + 0.5 * rnd.nextDouble();
            for (int t = 0; t < length; t++) {
                double p = (f * t * 0.025 + phase) % 1.0;
                v[r * length + t] = (p < duty ? 0.02 : -0.06) + 0.003 * rnd.nextGaussian();
            }
        }
        return v;
    }

    @ParameterizedTest(name = "{0} rows of {1} samples")
    @CsvSource({"1, 201", "3, 201", "4, 201", "7, 202", "33, 201", "70, 301", "300, 201"})
    void matrixRowsAreTheSingleTracesBitForBit(int rows, int length) {
        double[] v = traces(rows, length, rows * 31L + length);
        Spectra.HubOptions o = new Spectra.HubOptions(0.025, 40, 40, 100, 1, 101);
        double[] all = Spectra.hubFrequencies(v, rows, length, o);
        for (int r = 0; r < rows; r++)
            assertEquals(Spectra.hubFrequency(v, r * length, length, o), all[r], 0.0, "row " + r);
    }

    /**
     * The direct computation: cos and sin evaluated term by term, every weight's pow taken. The
     * fast path's sums differ from these only in rounding (the basis is the same cos and sin, the
     * order of the sums the same) and the skipped weights are below 1e-20 of the top's: agreement
     * to 1e-13 (Hz, on frequencies of about 0.5) is rounding noise amplified by alpha = 100.
     */
    @ParameterizedTest(name = "alpha {0}")
    @CsvSource({"100", "20", "1", "300"})
    void agreesWithTheDirectSum(double alpha) {
        int rows = 41, length = 201;
        double[] v = traces(rows, length, 7);
        Spectra.HubOptions o = new Spectra.HubOptions(0.025, 40, 40, alpha, 1, 101);
        double[] all = Spectra.hubFrequencies(v, rows, length, o);
        for (int r = 0; r < rows; r++) assertEquals(direct(v, r * length, length, o), all[r], 1e-13, "row " + r);
    }

    private static double direct(double[] v, int offset, int length, Spectra.HubOptions o) {
        int m = length - o.start(), w = o.window(), n = m - w + 1;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < w; j++) s += Math.max(v[offset + o.start() + i + j] - o.threshold(), 0) + o.threshold();
            x[i] = s / w;
        }
        double mean = 0;
        for (double xi : x) mean += xi;
        mean /= n;
        double[] f = Spectra.grid(o.fMax(), o.frequencies()), mag = new double[f.length];
        for (int q = 0; q < f.length; q++) {
            double re = 0, im = 0;
            for (int k = 0; k < n; k++) {
                double phase = 2 * Math.PI * f[q] * o.dt() * k;
                re += (x[k] - mean) * Math.cos(phase);
                im -= (x[k] - mean) * Math.sin(phase);
            }
            mag[q] = Math.sqrt(re * re + im * im);
        }
        double top = 0;
        for (double a : mag) top = Math.max(top, a);
        double num = 0, den = 0;
        for (int q = 0; q < f.length; q++) {
            double p = Math.pow(mag[q] / top, o.alpha());
            num += f[q] * p;
            den += p;
        }
        return num / den;
    }
}
