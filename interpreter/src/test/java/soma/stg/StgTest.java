package soma.stg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import soma.golden.SomaNumbers;

/** stdlib/stg.soma and hub_frequency against the independent Java implementation of the spec. */
class StgTest {
    @ParameterizedTest
    @ValueSource(ints = {200, 800})
    void trajectoriesAndHubFrequencyMatchTheReference(int steps) {
        Random random = new Random(steps);
        int pairs = 12;
        double[] gEl = new double[pairs], gSynA = new double[pairs];
        StringBuilder els = new StringBuilder(), syns = new StringBuilder();
        for (int k = 0; k < pairs; k++) {
            gEl[k] = 0.1 + 19.9 * random.nextDouble();
            gSynA[k] = 0.1 + 19.9 * random.nextDouble();
            els.append(k == 0 ? "" : ", ").append(gEl[k]);
            syns.append(k == 0 ? "" : ", ").append(gSynA[k]);
        }
        double[] out = SomaNumbers.of("""
                import stg
                let run = simulate(STG(), steps: STEPS, dt: 0.025, method: euler, record: ["V"],
                                   params: {g_el: tensor([ELS]), g_synA: tensor([SYNS])})
                let f = hub_frequency(run.V[:, :, 2], dt: 0.025)
                for k in 0..PAIRS {
                    print(f[k])
                    for step in [50, STEPS / 2, STEPS] { for i in 0..5 { print(run.V[k, step, i]) } }
                }
                """.replace("STEPS", "" + steps)
                .replace("ELS", els)
                .replace("SYNS", syns)
                .replace("PAIRS", "" + pairs));
        int at = 0;
        for (int k = 0; k < pairs; k++) {
            double[][] v = StgReference.simulate(gEl[k], gSynA[k], steps, 0.025);
            double[] hub = new double[steps + 1];
            for (int t = 0; t <= steps; t++) hub[t] = v[t][2];
            assertEquals(
                    StgReference.hubFrequency(hub, 0.025),
                    out[at++],
                    1e-6,
                    "hub frequency at g_el = " + gEl[k] + ", g_synA = " + gSynA[k]);
            for (int step : new int[] {50, steps / 2, steps}) {
                for (int i = 0; i < 5; i++) {
                    double expected = v[step][i];
                    double actual = out[at++];
                    assertEquals(
                            expected,
                            actual,
                            1e-9 * Math.abs(expected),
                            "V[" + i + "] at step " + step + ", pair " + k);
                }
            }
        }
    }

    /** Square waves and spike trains of known frequency: the estimate lands on the nearest grid frequency. */
    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.525, 0.8})
    void hubFrequencyOfSyntheticSignals(double frequency) {
        double[] r = SomaNumbers.of("""
                let dt = 0.025
                let t = arange(0, 60, dt)
                let phase = (t * F) % 1
                let square = where(phase < 0.5, 0.02, -0.06)
                let spikes = where(phase < 0.05, 0.03, -0.065)
                print(hub_frequency(square, dt: dt), hub_frequency(spikes, dt: dt), dominant_frequency(square, dt, f_max: 1, frequencies: 1001))
                """.replace("F", "" + frequency));
        assertEquals(frequency, r[0], 0.011, "square wave");
        assertEquals(frequency, r[1], 0.011, "spike train");
        assertEquals(frequency, r[2], 0.02, "dominant frequency of the square wave");
    }

    /**
     * method: "paper" against the term-by-term Java version of the EPI paper's code, at T = 300 on
     * the paper's box, for beta 500 and 100, for a batch (blocks of rows) and for single traces.
     */
    @Test
    void paperHubFrequencyMatchesTheReference() {
        Random random = new Random(300);
        int pairs = 11, steps = 300;
        double[] gEl = new double[pairs], gSynA = new double[pairs];
        StringBuilder els = new StringBuilder(), syns = new StringBuilder();
        for (int k = 0; k < pairs; k++) {
            gEl[k] = 4 + 4 * random.nextDouble();
            gSynA[k] = 0.01 + 3.99 * random.nextDouble();
            els.append(k == 0 ? "" : ", ").append(gEl[k]);
            syns.append(k == 0 ? "" : ", ").append(gSynA[k]);
        }
        double[] out =
                SomaNumbers.of("""
                import stg
                let run = simulate(STG(), steps: 300, dt: 0.025, method: euler, record: ["V"],
                                   params: {g_el: tensor([ELS]), g_synA: tensor([SYNS])})
                let hub = run.V[:, :, 2]
                let f = hub_frequency(hub, dt: 0.025, method: "paper")
                let f100 = hub_frequency(hub, dt: 0.025, method: "paper", beta: 100)
                for k in 0..PAIRS { print(f[k], f100[k], hub_frequency(hub[k], dt: 0.025, method: "paper")) }
                """.replace("ELS", els).replace("SYNS", syns).replace("PAIRS", "" + pairs));
        assertEquals(3 * pairs, out.length);
        for (int k = 0; k < pairs; k++) {
            double[][] v = StgReference.simulate(gEl[k], gSynA[k], steps, 0.025);
            double[] hub = new double[steps + 1];
            for (int t = 0; t <= steps; t++) hub[t] = v[t][2];
            String at = " at g_el = " + gEl[k] + ", g_synA = " + gSynA[k];
            double expected = StgReference.paperHubFrequency(hub, 0.025, 500);
            assertEquals(expected, out[3 * k], 1e-9, "beta 500" + at);
            assertEquals(StgReference.paperHubFrequency(hub, 0.025, 100), out[3 * k + 1], 1e-9, "beta 100" + at);
            assertEquals(out[3 * k], out[3 * k + 2], 1e-12, "one trace against the batch" + at);
        }
    }

    /**
     * The paper's statistic on signals of known frequency (T = 300, as in EPI), on a silent trace
     * (|X| = 0 everywhere: the softmax is uniform, 0.5 Hz, as in the paper's code), and its
     * options: fft_start, window and threshold override the paper's values.
     */
    @Test
    void paperHubFrequencyOfSyntheticSignals() {
        double[] r = SomaNumbers.of("""
                let dt = 0.025
                let t = arange(0, 7.525, dt)
                for F in [0.3, 0.55, 0.8] {
                    let phase = (t * F) % 1
                    print(hub_frequency(where(phase < 0.5, 0.02, -0.06), dt: dt, method: "paper"),
                          hub_frequency(where(phase < 0.05, 0.03, -0.065), dt: dt, method: "paper"))
                }
                print(hub_frequency(zeros(301) - 0.05, method: "paper"))
                let x = sin(2 * pi * 0.4 * t) * 0.01 - 0.005
                let f = hub_frequency(x, method: "paper")
                print(hub_frequency(x, method: "paper", threshold: 0, fft_start: 20, window: 20, beta: 500) - f)
                print(hub_frequency(x, method: "paper", threshold: -0.02) - f)
                print(hub_frequency(x, method: "paper", threshold: -0.02) - hub_frequency(x + 0.02, method: "paper"))
                print(hub_frequency(x, method: "paper", fft_start: 21) - f, hub_frequency(x, method: "paper", window: 19) - f)
                """);
        double[] frequencies = {0.3, 0.55, 0.8};
        for (int i = 0; i < 3; i++) {
            assertEquals(frequencies[i], r[2 * i], 0.015, "square wave at " + frequencies[i]);
            assertEquals(frequencies[i], r[2 * i + 1], 0.015, "spike train at " + frequencies[i]);
        }
        assertEquals(0.5, r[6], 1e-12, "silent trace");
        assertEquals(0, r[7], "the paper's defaults given explicitly");
        assertTrue(Math.abs(r[8]) > 1e-3, "another threshold changes the estimate");
        assertEquals(0, r[9], 1e-12, "the threshold is on the trace's scale");
        assertTrue(r[10] != 0 && r[11] != 0, "fft_start and window are options");
    }

    /**
     * The derivative epi takes of the paper's statistic (forward sensitivities of the T = 300
     * simulation, then central differences of the statistic along them) against central
     * differences of the whole pipeline: the softmax of raw magnitudes is smooth enough.
     */
    @Test
    void paperHubFrequencyGradientsMatchFiniteDifferences() {
        double[] v = SomaNumbers.of("""
                import stg
                constraint Hub(sim) {
                    f = hub_frequency(sim.V[:, :, 2], dt: 0.025, method: "paper")
                    mean(f) == 0.55
                    std(f) == 0.025
                }
                let z = [[6, 1.5], [4.5, 3], [7.5, 0.5], [6.107, 1.309]]
                let s = property_statistics(STG(), Hub, z, over: ["g_el", "g_synA"], steps: 300, dt: 0.025, method: "euler", gradients: true)
                let h = 1e-4
                for j in [0, 1] {
                    let e = zeros(4, 2)
                    e[:, j] = h
                    let up = property_statistics(STG(), Hub, tensor(z) + e, over: ["g_el", "g_synA"], steps: 300, dt: 0.025, method: "euler")
                    let down = property_statistics(STG(), Hub, tensor(z) - e, over: ["g_el", "g_synA"], steps: 300, dt: 0.025, method: "euler")
                    print(flatten(s.dT[:, :, j]), flatten((up.T - down.T) / (2 * h)))
                }
                """);
        assertEquals(32, v.length);
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 8; i++) {
                double exact = v[j * 16 + i], fd = v[j * 16 + 8 + i];
                assertEquals(fd, exact, 1e-3 * Math.max(1e-3, Math.abs(fd)), "dT/dz" + j + " entry " + i);
            }
        }
    }

    @Test
    void jacobianOfTheCircuitMatchesFiniteDifferences() {
        double[] r = SomaNumbers.of("""
                import stg
                let m = STG(g_el: 6, g_synA: 2)
                let run = simulate(m, steps: 300, dt: 0.025, method: euler)
                let y = concat([run.V[-1], run.N[-1], run.H[-1]])
                let J = jacobian(m, at: y)
                let worst = 0
                for j in 0..15 {
                    let h = 1e-7 * max(abs(y[j]), 1e-3)
                    let e = zeros(15)
                    e[j] = h
                    let column = (derivative(m, y + e, flat: true) - derivative(m, y - e, flat: true)) / (2 * h)
                    worst = max(worst, max(abs(J[:, j] - column)) / max(abs(J)))
                }
                print(worst)
                """);
        assertTrue(r[0] < 1e-6, "relative error " + r[0]);
    }
}
