package soma.stg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
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
                """.replace("STEPS", "" + steps).replace("ELS", els).replace("SYNS", syns).replace("PAIRS", "" + pairs));
        int at = 0;
        for (int k = 0; k < pairs; k++) {
            double[][] v = StgReference.simulate(gEl[k], gSynA[k], steps, 0.025);
            double[] hub = new double[steps + 1];
            for (int t = 0; t <= steps; t++) hub[t] = v[t][2];
            assertEquals(StgReference.hubFrequency(hub, 0.025), out[at++], 1e-6, "hub frequency at g_el = " + gEl[k] + ", g_synA = " + gSynA[k]);
            for (int step : new int[] {50, steps / 2, steps}) {
                for (int i = 0; i < 5; i++) {
                    double expected = v[step][i];
                    double actual = out[at++];
                    assertEquals(expected, actual, 1e-9 * Math.abs(expected), "V[" + i + "] at step " + step + ", pair " + k);
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
