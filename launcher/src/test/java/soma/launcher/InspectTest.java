package soma.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static soma.launcher.Json.obj;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code soma --inspect}: what Chrome DevTools does, over the Chrome DevTools Protocol on the
 * inspector's WebSocket, through the launcher as a user runs it: a line breakpoint, the stop in
 * the function with its locals, an expression typed into the console, a step, and the end.
 */
class InspectTest {
    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private WebSocket socket;
    private int seq;

    @Test
    void breakpointLocalsConsoleStep(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("inspected.soma");
        Files.writeString(script, Json.DEBUGGED_SCRIPT);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String[] argv = {"--inspect=" + port, "--inspect.Path=soma-test", script.toString()};
        CompletableFuture<Integer> run = new CompletableFuture<>();
        Thread runner = new Thread(() -> run.complete(Main.run(argv)), "soma --inspect script");
        runner.setDaemon(true);
        runner.start();
        socket = connect(URI.create("ws://127.0.0.1:" + port + "/soma-test"));
        try {
            request("Runtime.enable", new JsonObject());
            request("Debugger.enable", new JsonObject());
            JsonObject bp = request(
                    "Debugger.setBreakpointByUrl",
                    obj("lineNumber", 3, "url", script.toUri().toString()));
            assertTrue(bp.has("result"), bp.toString());
            request("Runtime.runIfWaitingForDebugger", new JsonObject());

            JsonObject paused = event("Debugger.paused");
            if (topLine(paused) != 3) { // stopped before the first statement
                request("Debugger.resume", new JsonObject());
                paused = event("Debugger.paused");
            }
            JsonObject top = paused.getAsJsonObject("params")
                    .getAsJsonArray("callFrames")
                    .get(0)
                    .getAsJsonObject();
            assertEquals("scale", top.get("functionName").getAsString());
            assertEquals(3, topLine(paused), "zero-based line 3 is the script's line 4");
            String locals = top.getAsJsonArray("scopeChain")
                    .get(0)
                    .getAsJsonObject()
                    .getAsJsonObject("object")
                    .get("objectId")
                    .getAsString();
            JsonArray props = request("Runtime.getProperties", obj("objectId", locals, "ownProperties", true))
                    .getAsJsonObject("result")
                    .getAsJsonArray("result");
            assertEquals("40", property(props, "y"));
            JsonObject console = request(
                            "Debugger.evaluateOnCallFrame",
                            obj("callFrameId", top.get("callFrameId").getAsString(), "expression", "y + len(data)"))
                    .getAsJsonObject("result")
                    .getAsJsonObject("result");
            assertEquals("43", console.get("description").getAsString(), console.toString());

            request("Debugger.stepOver", new JsonObject());
            assertEquals(4, topLine(event("Debugger.paused")), "step over goes to the next line");
            request("Debugger.resume", new JsonObject());
            assertEquals(0, run.get(60, TimeUnit.SECONDS));
        } finally {
            socket.abort();
        }
    }

    private static int topLine(JsonObject paused) {
        return paused.getAsJsonObject("params")
                .getAsJsonArray("callFrames")
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("location")
                .get("lineNumber")
                .getAsInt();
    }

    private static String property(JsonArray props, String name) {
        for (JsonElement p : props) {
            JsonObject o = p.getAsJsonObject();
            if (o.get("name").getAsString().equals(name))
                return o.getAsJsonObject("value").get("description").getAsString();
        }
        throw new AssertionError("no local " + name + " in " + props);
    }

    private WebSocket connect(URI uri) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            try {
                return http.newWebSocketBuilder()
                        .buildAsync(uri, new Listener())
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (System.nanoTime() > deadline)
                    throw new AssertionError("soma --inspect did not listen at " + uri, e);
                Thread.sleep(200);
            }
        }
    }

    /** Sends a request and returns its response; events that come first stay queued. */
    private JsonObject request(String method, JsonObject params) throws InterruptedException {
        int id = ++seq;
        JsonObject m = obj("id", id, "method", method, "params", params);
        socket.sendText(m.toString(), true).join();
        return next(r -> r.has("id") && r.get("id").getAsInt() == id);
    }

    private JsonObject event(String method) throws InterruptedException {
        return next(r -> r.has("method") && r.get("method").getAsString().equals(method));
    }

    private final java.util.List<JsonObject> skipped = new java.util.ArrayList<>();

    private JsonObject next(java.util.function.Predicate<JsonObject> wanted) throws InterruptedException {
        for (int i = 0; i < skipped.size(); i++) if (wanted.test(skipped.get(i))) return skipped.remove(i);
        while (true) {
            JsonObject m = messages.poll(60, TimeUnit.SECONDS);
            if (m == null) throw new AssertionError("no answer from soma --inspect within 60 s");
            if (wanted.test(m)) return m;
            skipped.add(m);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(JsonParser.parseString(partial.toString()).getAsJsonObject());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
