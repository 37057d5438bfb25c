package soma.epi;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import soma.flow.Flow;
import soma.flow.FlowJson;
import soma.flow.FlowValue;
import soma.random.Rng;
import soma.runtime.SomaError;

/**
 * An EPI result as text, to send it from the worker that trained it to the driver: the run's state
 * as its checkpoint holds it (flow, multipliers, generator, history with the samples of every
 * check), plus what a checkpoint does not need (finished, where Ctrl-C stopped it, the property's
 * lines, the parameter names). Numbers survive exactly (JSON doubles round-trip; 64-bit words are
 * strings).
 */
public final class EpiWire {
    private static final Gson GSON =
            new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private EpiWire() {}

    public static String encode(EpiResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", Checkpoint.toJson(r.state));
        m.put("finished", r.state.finished);
        m.put("stopped_at", r.state.stoppedAt);
        m.put("beta", r.state.al.beta);
        m.put("gamma", r.state.al.gamma);
        m.put("property", r.property.name);
        List<Map<String, Object>> moments = new ArrayList<>();
        for (Moment mo : r.property.moments) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", mo.kind().name());
            x.put("text", mo.text());
            x.put("mean_line", mo.meanLine());
            moments.add(x);
        }
        m.put("moments", moments);
        m.put("fields_read", r.property.fieldsRead);
        m.put("parameters", r.parameters);
        return GSON.toJson(m);
    }

    /**
     * The result again; {@code property} finds the script's own constraint by name (so that methods
     * needing its body work), or returns null, and then the result carries the property's lines only.
     */
    @SuppressWarnings("unchecked")
    public static EpiResult decode(String text, Function<String, ConstraintValue> property) {
        Map<String, Object> m = GSON.fromJson(text, new TypeToken<Map<String, Object>>() {}.getType());
        String state = (String) m.get("state");
        Map<String, Object> stateMap = GSON.fromJson(state, new TypeToken<Map<String, Object>>() {}.getType());
        Flow flow = FlowJson.fromMap((Map<String, Object>) stateMap.get("flow"), "an ensemble result");
        List<Moment> moments = new ArrayList<>();
        for (Object o : (List<Object>) m.get("moments")) {
            Map<String, Object> x = (Map<String, Object>) o;
            moments.add(new Moment(
                    Moment.Kind.valueOf((String) x.get("kind")),
                    (String) x.get("text"),
                    ((Number) x.get("mean_line")).intValue()));
        }
        String name = (String) m.get("property");
        ConstraintValue p = property.apply(name);
        if (p == null || !p.moments.equals(moments))
            p = new ConstraintValue(name, null, moments, (List<String>) m.get("fields_read"));
        int count = moments.size();
        Epi.State st = new Epi.State(
                flow,
                new AugmentedLagrangian(
                        count, 1, ((Number) m.get("beta")).doubleValue(), ((Number) m.get("gamma")).doubleValue()),
                new Rng(0));
        Checkpoint.restore(st, state, "an ensemble result", count);
        st.finished = Boolean.TRUE.equals(m.get("finished"));
        st.stoppedAt = (String) m.get("stopped_at");
        if (st.history.checks.isEmpty()) throw new SomaError("an ensemble result has no EPI history");
        return new EpiResult(st, new FlowValue(flow), p, new ArrayList<>((List<String>) m.get("parameters")));
    }
}
