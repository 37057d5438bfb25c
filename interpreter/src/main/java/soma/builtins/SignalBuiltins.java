package soma.builtins;

import soma.analysis.Spectra;
import soma.runtime.SomaRecord;
import soma.tensor.Tensor;
import soma.tensor.TensorFields;

/** Frequencies of traces: the STG hub-frequency statistic, spectra and dominant frequencies. */
final class SignalBuiltins {
    private SignalBuiltins() {}

    static void register(Builtins r) {
        r.def("hub_frequency(trace, dt = 0.025, fft_start = 40, window = 40, alpha = 100, f_max = 1, frequencies = 101)",
                "the STG spec's differentiable frequency estimate (Hz) of a voltage trace: rectify, moving average, remove the mean, "
                        + "DFT magnitude on linspace(0, f_max, frequencies), soft arg-max with exponent alpha; one per row of a matrix", a -> {
            Tensor t = TensorBuiltins.tensor(a, 0);
            Spectra.HubOptions o = new Spectra.HubOptions(a.num(1), a.integer(2), a.integer(3), a.num(4), a.num(5), a.integer(6));
            if (t.rank() == 1) return Spectra.hubFrequency(t.realData(), 0, t.size(), o);
            if (t.rank() != 2) throw a.error("trace must be a vector or a (samples x time) matrix, got shape " + t.shapeString());
            int rows = t.shape()[0];
            return new Tensor(new int[] {rows}, Spectra.hubFrequencies(t.realData(), rows, t.shape()[1], o));
        });
        r.def("spectrum(x, dt, f_max = nil, frequencies = 512)", "{f, magnitude}: |DFT| of x (mean removed) on a grid up to f_max "
                + "(default: the Nyquist frequency 1 / (2 dt))", a -> {
            double[] x = TensorBuiltins.tensor(a, 0).flatten().realData();
            double fMax = a.given(2) ? a.num(2) : 0.5 / a.num(1);
            double[] freqs = new double[a.integer(3)];
            for (int i = 0; i < freqs.length; i++) freqs[i] = freqs.length == 1 ? 0 : fMax * i / (freqs.length - 1);
            SomaRecord out = new SomaRecord();
            out.put("f", new Tensor(new int[] {freqs.length}, freqs));
            out.put("magnitude", new Tensor(new int[] {freqs.length}, Spectra.magnitudes(Spectra.centred(x), freqs, 1 / a.num(1))));
            return out;
        });
        r.def("dominant_frequency(x, dt, f_max = nil, frequencies = 2048)", "the frequency of the largest spectral peak of x (mean removed)", a -> {
            double[] x = TensorBuiltins.tensor(a, 0).flatten().realData();
            double fMax = a.given(2) ? a.num(2) : 0.5 / a.num(1);
            return TensorFields.unwrap(Tensor.scalar(Spectra.dominant(x, a.num(1), fMax, a.integer(3))));
        });
    }
}
