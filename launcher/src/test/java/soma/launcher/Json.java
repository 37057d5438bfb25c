package soma.launcher;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** JSON messages for the debugger protocol tests (DAP, Chrome DevTools), written inline. */
final class Json {
    private Json() {}

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
