package soma.epi;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import com.oracle.truffle.api.TruffleFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import soma.flow.Flow;
import soma.flow.FlowJson;
import soma.flow.FlowOps;
import soma.io.guest.GuestFiles;
import soma.runtime.SomaError;

/**
 * An EPI run after an epoch, as JSON: the flow, the multipliers and penalty, the generator's state
 * (as strings: 64-bit words do not survive JSON numbers) and the history. Written atomically
 * through the context's file system ({@link GuestFiles}), so a kill or a full disk during the
 * write leaves the previous checkpoint intact; keys in a fixed order, so identical runs give
 * identical files.
 */
final class Checkpoint {
    private static final Gson GSON =
            new GsonBuilder().serializeSpecialFloatingPointValues().create();
    private static final String FORMAT = "soma-epi-checkpoint";

    private Checkpoint() {}

    static void save(Epi.State st, TruffleFile path) {
        try {
            GuestFiles.write(path, path.getPath(), toJson(st).getBytes(StandardCharsets.UTF_8), "the checkpoint");
        } catch (SomaError e) {
            throw new SomaError("epi: " + e.getMessage());
        }
    }

    /** The state as checkpoint JSON (also how an ensemble task sends an EPI result back: {@link EpiWire}). */
    static String toJson(Epi.State st) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("epoch", st.epoch);
        m.put("eta", st.al.eta);
        m.put("c", st.al.c);
        m.put("previous", st.al.previous);
        List<String> rng = new ArrayList<>();
        for (long v : st.rng.snapshot()) rng.add(Long.toString(v));
        m.put("rng", rng);
        m.put("flow", FlowJson.toMap(st.flow));
        m.put("mu", st.mu);
        if (st.scale != null) m.put("scale", st.scale);
        m.put("history", st.history.checks);
        if (st.keptTheta != null) {
            m.put("kept_epoch", st.keptEpoch);
            m.put("kept_entropy", st.keptEntropy);
            m.put("kept_theta", st.keptTheta);
            m.put("settled", st.settled);
        }
        return GSON.toJson(m);
    }

    static void restore(Epi.State st, TruffleFile path, int m) {
        String text;
        try {
            text = GuestFiles.readString(path, path.getPath(), "the checkpoint");
        } catch (SomaError e) {
            throw new SomaError("epi: " + e.getMessage());
        }
        restore(st, text, path.toString(), m);
    }

    /** Restores {@code st} from checkpoint JSON; {@code path} names its origin in errors. */
    @SuppressWarnings("unchecked")
    static void restore(Epi.State st, String text, String path, int m) {
        Map<String, Object> map;
        try {
            map = GSON.fromJson(text, new TypeToken<Map<String, Object>>() {}.getType());
        } catch (RuntimeException e) {
            throw new SomaError("epi: cannot read the checkpoint " + path + ": " + e.getMessage());
        }
        if (map == null || !FORMAT.equals(map.get("format")))
            throw new SomaError("epi: " + path + " is not an EPI checkpoint");
        Flow saved = FlowJson.fromMap((Map<String, Object>) map.get("flow"), path.toString());
        FlowOps.adopt(st.flow, saved);
        double[] eta = FlowJson.doubles(map.get("eta"));
        if (eta.length != m)
            throw new SomaError(
                    "epi: the checkpoint " + path + " has " + eta.length + " statistics, the property has " + m);
        System.arraycopy(eta, 0, st.al.eta, 0, m);
        st.al.c = ((Number) map.get("c")).doubleValue();
        st.al.previous = map.get("previous") == null ? null : FlowJson.doubles(map.get("previous"));
        List<Object> rng = (List<Object>) map.get("rng");
        long[] words = new long[rng.size()];
        for (int i = 0; i < words.length; i++) words[i] = Long.parseLong((String) rng.get(i));
        st.rng.restore(words);
        st.epoch = ((Number) map.get("epoch")).intValue();
        if (map.get("mu") != null) st.mu = FlowJson.doubles(map.get("mu"));
        if (map.get("scale") != null) st.scale = FlowJson.doubles(map.get("scale"));
        if (map.get("kept_theta") != null) {
            st.keptEpoch = ((Number) map.get("kept_epoch")).intValue();
            st.keptEntropy = ((Number) map.get("kept_entropy")).doubleValue();
            st.keptTheta = FlowJson.doubles(map.get("kept_theta"));
            st.settled = Boolean.TRUE.equals(map.get("settled"));
        }
        for (Object o : (List<Object>) map.get("history")) {
            Map<String, Object> c = (Map<String, Object>) o;
            st.history.checks.add(new History.Check(
                    ((Number) c.get("epoch")).intValue(),
                    ((Number) c.get("entropy")).doubleValue(),
                    FlowJson.doubles(c.get("r")),
                    ((Number) c.get("c")).doubleValue(),
                    FlowJson.doubles(c.get("eta")),
                    FlowJson.doubles(c.get("pValues")),
                    (Boolean) c.get("passed"),
                    FlowJson.doubles(c.get("samples")),
                    c.get("se") == null ? new double[eta.length] : FlowJson.doubles(c.get("se"))));
        }
    }
}
