package soma.builtins;

import soma.analysis.Spectra;
import soma.runtime.SomaRecord;
import soma.tensor.Tensor;
import soma.tensor.TensorFields;

/** Frequencies of traces: the STG hub-frequency statistic, spectra and dominant frequencies. */
final class SignalBuiltins {
    private SignalBuiltins() {}

    static void register(Builtins r) {
        r.def(
                "hub_frequency(trace, dt = 0.025, fft_start = nil, window = nil, alpha = nil, f_max = 1, frequencies = 101, method = \"spec\", "
                        + "beta = nil, threshold = nil)",
                "a differentiable frequency estimate (Hz) of a voltage trace (V): rectify at threshold, moving average, remove the mean, "
                        + "DFT magnitude |X| on linspace(0, f_max, frequencies), soft arg-max; one per row of a matrix. method \"spec\" (the seed's): "
                        + "fft_start 40, window 40, threshold -0.01, weights |X|^alpha normalised (alpha 100); method \"paper\" (Bittner et al. 2021, their code): "
                        + "fft_start 20, window 20, threshold 0, weights softmax(beta |X|) on the raw magnitudes (beta 500)",
                a -> {
                    Tensor t = TensorBuiltins.tensor(a, "trace");
                    String method = a.str("method");
                    boolean paper = switch (method) {
                        case "spec" -> false;
                        case "paper" -> true;
                        default -> throw a.error("method must be \"spec\" or \"paper\", got \"" + method + "\"");
                    };
                    if (a.given("alpha") && paper)
                        throw a.error("alpha is the exponent of method \"spec\"; method \"paper\" takes beta");
                    if (a.given("beta") && !paper)
                        throw a.error(
                                "beta is the inverse temperature of method \"paper\"; method \"spec\" takes alpha");
                    double dt = a.positive("dt");
                    Spectra.HubOptions d = paper
                            ? Spectra.HubOptions.paper(dt, a.given("beta") ? a.num("beta") : 500)
                            : new Spectra.HubOptions(dt, 40, 40, a.given("alpha") ? a.num("alpha") : 100, 1, 101);
                    Spectra.HubOptions o = new Spectra.HubOptions(
                            d.dt(),
                            a.given("fft_start") ? a.integer("fft_start") : d.start(),
                            a.given("window") ? a.integer("window") : d.window(),
                            d.alpha(),
                            a.positive("f_max"),
                            a.atLeast("frequencies", 1),
                            a.given("threshold") ? a.num("threshold") : d.threshold(),
                            d.softmax());
                    if (t.rank() == 1) return Spectra.hubFrequency(t.realData(), 0, t.size(), o);
                    if (t.rank() != 2)
                        throw a.error(
                                "trace must be a vector or a (samples x time) matrix, got shape " + t.shapeString());
                    int rows = t.shape()[0];
                    return new Tensor(new int[] {rows}, Spectra.hubFrequencies(t.realData(), rows, t.shape()[1], o));
                });
        r.def(
                "spectrum(x, dt, f_max = nil, frequencies = 512)",
                "{f, magnitude}: |DFT| of x (mean removed) on a grid up to f_max "
                        + "(default: the Nyquist frequency 1 / (2 dt))",
                a -> {
                    double[] x = samples(a);
                    double dt = a.positive("dt");
                    double fMax = a.given("f_max") ? a.positive("f_max") : 0.5 / dt;
                    double[] freqs = new double[a.atLeast("frequencies", 1)];
                    for (int i = 0; i < freqs.length; i++)
                        freqs[i] = freqs.length == 1 ? 0 : fMax * i / (freqs.length - 1);
                    SomaRecord out = new SomaRecord();
                    out.put("f", new Tensor(new int[] {freqs.length}, freqs));
                    out.put(
                            "magnitude",
                            new Tensor(
                                    new int[] {freqs.length}, Spectra.magnitudes(Spectra.centred(x), freqs, 1 / dt)));
                    return out;
                });
        r.def(
                "dominant_frequency(x, dt, f_max = nil, frequencies = 2048)",
                "the frequency of the largest spectral peak of x (mean removed)",
                a -> {
                    double[] x = samples(a);
                    double dt = a.positive("dt");
                    double fMax = a.given("f_max") ? a.positive("f_max") : 0.5 / dt;
                    return TensorFields.unwrap(
                            Tensor.scalar(Spectra.dominant(x, dt, fMax, a.atLeast("frequencies", 2))));
                });
    }

    /** The samples x of a spectrum: at least two, or there is no frequency to speak of. */
    private static double[] samples(Args a) {
        double[] x = TensorBuiltins.tensor(a, "x").flatten().realData();
        if (x.length < 2) throw a.error("x needs at least 2 samples for a spectrum, got " + x.length);
        return x;
    }
}
