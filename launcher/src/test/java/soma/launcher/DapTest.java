package soma.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static soma.launcher.Json.arr;
import static soma.launcher.Json.obj;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code soma --dap}: a Debug Adapter Protocol client (what VS Code is) over a socket, through the
 * launcher as a user runs it. It launches, sets a line breakpoint, is stopped on entry, continues to
 * the breakpoint, reads the call stack and a local, steps over, and continues to the end.
 */
class DapTest {
    private int seq;
    private InputStream in;
    private OutputStream out;

    @Test
    void launchBreakStepContinue(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("debugged.soma");
        Files.writeString(script, Json.DEBUGGED_SCRIPT);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String[] argv = {"--dap=" + port, script.toString()};
        // Not the common fork-join pool: GraalVM's DAP server answers launch and configurationDone
        // on that pool, which has a single thread on two cores; a script waiting there for its
        // debugger would block the very answers it waits for.
        CompletableFuture<Integer> run = new CompletableFuture<>();
        Thread runner = new Thread(() -> run.complete(Main.run(argv)), "soma --dap script");
        runner.setDaemon(true);
        runner.start();
        try (Socket socket = connect(port)) {
            socket.setSoTimeout(30_000); // a protocol mismatch fails the test rather than hanging it
            in = socket.getInputStream();
            out = socket.getOutputStream();
            JsonObject caps =
                    request("initialize", obj("adapterID", "soma", "linesStartAt1", true, "columnsStartAt1", true));
            assertTrue(caps.get("success").getAsBoolean(), caps.toString());
            // the adapter answers launch only after configurationDone, as the protocol allows
            int launch = send("launch", new JsonObject());
            JsonObject bp = request(
                    "setBreakpoints",
                    obj("source", obj("path", script.toString()), "breakpoints", arr(obj("line", 4))));
            assertTrue(bp.get("success").getAsBoolean(), bp.toString());
            request("configurationDone", new JsonObject());
            assertTrue(launch > 0);

            JsonObject stopped = event("stopped");
            int thread = stopped.getAsJsonObject("body").get("threadId").getAsInt();
            if (!"breakpoint"
                    .equals(stopped.getAsJsonObject("body").get("reason").getAsString())) {
                request("continue", obj("threadId", thread)); // stopped on entry first
                stopped = event("stopped");
            }
            assertEquals(
                    "breakpoint", stopped.getAsJsonObject("body").get("reason").getAsString(), stopped.toString());

            JsonObject top = frames(thread).get(0).getAsJsonObject();
            assertEquals("scale", top.get("name").getAsString(), top.toString());
            assertEquals(4, top.get("line").getAsInt());
            assertEquals("40", local(top.get("id").getAsInt(), "y"));
            // a watch expression sees the stopped function's locals and the script's globals
            assertEquals("43", evaluate(top.get("id").getAsInt(), "y + len(data)"));
            assertTrue(evaluate(top.get("id").getAsInt(), "y +").contains("error"), "a syntax error is reported");

            request("next", obj("threadId", thread));
            event("stopped");
            top = frames(thread).get(0).getAsJsonObject();
            assertEquals(5, top.get("line").getAsInt(), "step over goes to the next line");
            assertEquals("43", local(top.get("id").getAsInt(), "z"));

            request("continue", obj("threadId", thread));
            event("terminated");
        }
        assertEquals(0, run.get(60, TimeUnit.SECONDS));
    }

    private JsonArray frames(int thread) throws IOException {
        return request("stackTrace", obj("threadId", thread))
                .getAsJsonObject("body")
                .getAsJsonArray("stackFrames");
    }

    private String local(int frameId, String name) throws IOException {
        JsonArray scopes = request("scopes", obj("frameId", frameId))
                .getAsJsonObject("body")
                .getAsJsonArray("scopes");
        int ref = scopes.get(0).getAsJsonObject().get("variablesReference").getAsInt();
        JsonArray vars = request("variables", obj("variablesReference", ref))
                .getAsJsonObject("body")
                .getAsJsonArray("variables");
        for (JsonElement v : vars) {
            if (v.getAsJsonObject().get("name").getAsString().equals(name))
                return v.getAsJsonObject().get("value").getAsString();
        }
        throw new AssertionError("no local " + name + " in " + vars);
    }

    /** The result of a watch expression in a frame, or the error message the adapter returns. */
    private String evaluate(int frameId, String expression) throws IOException {
        JsonObject r = request("evaluate", obj("frameId", frameId, "expression", expression, "context", "watch"));
        if (!r.get("success").getAsBoolean()) return "error: " + r.get("message");
        return r.getAsJsonObject("body").get("result").getAsString();
    }

    private static Socket connect(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                return new Socket("127.0.0.1", port);
            } catch (IOException e) {
                if (System.nanoTime() > deadline) throw new AssertionError("soma --dap did not listen on " + port, e);
                Thread.sleep(200);
            }
        }
    }

    /** Sends a request and returns its response; other messages that come first are skipped. */
    private JsonObject request(String command, JsonObject arguments) throws IOException {
        int id = send(command, arguments);
        while (true) {
            JsonObject m = receive();
            if (m.get("type").getAsString().equals("response")
                    && m.get("request_seq").getAsInt() == id) return m;
        }
    }

    /** Sends a request without waiting; returns its sequence number. */
    private int send(String command, JsonObject arguments) throws IOException {
        int id = ++seq;
        send(obj("seq", id, "type", "request", "command", command, "arguments", arguments));
        return id;
    }

    private JsonObject event(String name) throws IOException {
        while (true) {
            JsonObject m = receive();
            if (m.get("type").getAsString().equals("event")
                    && m.get("event").getAsString().equals(name)) return m;
        }
    }

    private void send(JsonObject message) throws IOException {
        byte[] body = message.toString().getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private JsonObject receive() throws IOException {
        int length = -1;
        while (true) {
            String header = readLine();
            if (header.isEmpty()) break;
            if (header.startsWith("Content-Length:"))
                length = Integer.parseInt(header.substring(15).trim());
        }
        byte[] body = in.readNBytes(length);
        return JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) throw new IOException("the debug adapter closed the connection");
            if (c != '\r') line.write(c);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
