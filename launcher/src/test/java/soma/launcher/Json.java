package soma.launcher;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** For the debugger protocol tests (DAP, Chrome DevTools): their script, and JSON messages written inline. */
final class Json {
    private Json() {}

    /** The script both debugger tests stop in: {@code scale}'s line 4 has locals x = 20, y = 40. */
    static final String DEBUGGED_SCRIPT = """
            let data = [1, 2, 3]
            fn scale(x) {
                let y = x * 2
                let z = y + len(data)
                z
            }
            let r = scale(20)
            print("r = {r}")
            """;

    /** {@code obj("a", 1, "b", "x")}: an object from names and values (JSON, strings, numbers, booleans). */
    static JsonObject obj(Object... kv) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < kv.length; i += 2) {
            String k = (String) kv[i];
            switch (kv[i + 1]) {
                case JsonElement e -> o.add(k, e);
                case String s -> o.addProperty(k, s);
                case Number n -> o.addProperty(k, n);
                case Boolean b -> o.addProperty(k, b);
                default -> throw new IllegalArgumentException(k);
            }
        }
        return o;
    }

    static JsonArray arr(JsonElement... items) {
        JsonArray a = new JsonArray();
        for (JsonElement e : items) a.add(e);
        return a;
    }
}
