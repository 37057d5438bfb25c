package soma.flow;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import soma.io.FileErrors;
import soma.io.NioPlace;
import soma.random.Rng;
import soma.runtime.SomaError;

/**
 * Saves a flow (architecture, parameters, and non-trained layer state such as batch-norm running
 * statistics) as JSON, and reads it back into a working flow.
 */
public final class FlowJson {
    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .serializeSpecialFloatingPointValues()
            .create();
    private static final String FORMAT = "soma-flow";

    private FlowJson() {}

    public static Map<String, Object> toMap(Flow flow) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", 1);
        m.put("name", flow.name);
        m.put("dim", flow.dim);
        List<Object> layers = new ArrayList<>();
        for (int i = 0; i < flow.layers.size(); i++) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("kind", flow.layers.get(i).kind());
            l.putAll(new TreeMap<>(
                    flow.layers.get(i).options())); // sorted: options() is often a Map.of, whose order changes per run
            layers.add(l);
        }
        m.put("layers", layers);
        if (flow.components() > 1) {
            m.put("components", flow.components());
            List<Object> states = new ArrayList<>(); // per component: layer state such as batch-norm statistics
            for (List<Layer> part : flow.parts) {
                List<Object> opts = new ArrayList<>();
                for (Layer l : part) opts.add(new TreeMap<>(l.options()));
                states.add(opts);
            }
            m.put("component_layers", states);
        }
        if (flow.group.length > 1) {
            List<Object> group = new ArrayList<>();
            for (double[] g : flow.group) group.add(g);
            m.put("symmetry_group", group);
        }
        m.put("theta", flow.theta);
        return m;
    }

    /** The saved form as text; keys in a fixed order, so identical flows give identical files. */
    public static String toJson(Flow flow) {
        return GSON.toJson(toMap(flow));
    }

    /** Java API: writes the file atomically (see {@link NioPlace}). Scripts save through the context's file system. */
    public static void save(Flow flow, Path path) {
        try {
            NioPlace.write(path, toJson(flow).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SomaError("save: cannot write " + path + ": " + FileErrors.reason(e));
        }
    }

    /** An independent copy, through the same JSON form as a saved file (so it is exactly what loading would give). */
    @SuppressWarnings("unchecked")
    public static Flow copy(Flow flow, String where) {
        Map<String, Object> m =
                GSON.fromJson(GSON.toJson(toMap(flow)), new TypeToken<Map<String, Object>>() {}.getType());
        return fromMap(m, where);
    }

    public static Flow load(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new SomaError("load_flow: cannot read " + path + ": " + FileErrors.reason(e));
        }
        return fromJson(text, path.toString());
    }

    /** A flow from the text of a saved file; {@code where} names the file in errors. */
    public static Flow fromJson(String text, String where) {
        try {
            Map<String, Object> m = GSON.fromJson(text, new TypeToken<Map<String, Object>>() {}.getType());
            return fromMap(m, where);
        } catch (JsonParseException | ClassCastException | NullPointerException e) {
            throw new SomaError("load_flow: " + where + " is not a saved Soma flow (" + e.getMessage() + ")");
        }
    }

    /** A JSON array of numbers as read by Gson (a List of Numbers), or null if it is not one. */
    public static double[] doubles(Object o) {
        if (!(o instanceof List<?> l)) return null;
        double[] d = new double[l.size()];
        for (int i = 0; i < d.length; i++) {
            if (!(l.get(i) instanceof Number n)) return null;
            d[i] = n.doubleValue();
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    public static Flow fromMap(Map<String, Object> m, String where) {
        if (m == null || !FORMAT.equals(m.get("format")))
            throw new SomaError("load_flow: " + where + " is not a saved Soma flow");
        int dim = ((Number) m.get("dim")).intValue();
        List<LayerSpec> specs = new ArrayList<>();
        List<Map<String, Object>> layers = (List<Map<String, Object>>) m.get("layers");
        for (Map<String, Object> l : layers) {
            Map<String, Object> options = new LinkedHashMap<>(l);
            String kind = (String) options.remove("kind");
            specs.add(new LayerSpec(kind, options));
        }
        int components = m.get("components") instanceof Number c ? c.intValue() : 1;
        double[][] group = null;
        if (m.get("symmetry_group") instanceof List<?> g) {
            group = new double[g.size()][];
            for (int i = 0; i < group.length; i++) group[i] = doubles(g.get(i));
        }
        Flow flow = new Flow((String) m.get("name"), dim, specs, components, group, new Rng(0));
        for (int i = 0; i < layers.size(); i++) flow.layers.get(i).restore(layers.get(i));
        if (m.get("component_layers") instanceof List<?> states) {
            for (int k = 0; k < components && k < states.size(); k++) {
                List<Map<String, Object>> opts = (List<Map<String, Object>>) states.get(k);
                for (int i = 0; i < opts.size(); i++) flow.parts.get(k).get(i).restore(opts.get(i));
            }
        }
        List<Object> theta = (List<Object>) m.get("theta");
        if (theta.size() != flow.theta.length) {
            throw new SomaError("load_flow: " + where + " has " + theta.size() + " parameters but its layers need "
                    + flow.theta.length);
        }
        for (int i = 0; i < theta.size(); i++) flow.theta[i] = ((Number) theta.get(i)).doubleValue();
        return flow;
    }
}
