package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven through its DevTools protocol over the JDK's own
 * WebSocket client: open a page, evaluate JavaScript in it, take a screenshot. Missing Chromium is a test
 * failure that says what to install, never a skip.
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process chromium;
    private final WebSocket ws;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /** The Chromium binary, or an AssertionError saying how to get one. */
    static String chromium() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"))
            if (Files.isExecutable(Path.of(c))) return c;
        throw new AssertionError("no Chromium: install Debian's chromium (apt-get install chromium); ./test.sh installs it when it runs as root with apt-get");
    }

    /** Starts headless Chromium on {@code url} with a fresh profile in {@code profile}, and attaches to its page. */
    DevTools(String url, Path profile) throws Exception {
        chromium = new ProcessBuilder(chromium(), "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-extensions", "--window-size=1200,900", "--remote-debugging-port=0", "--user-data-dir=" + profile, url)
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        String port = ChildRun.await("Chromium's DevTools port", 60_000, () -> {
            try {
                return Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2 ? Files.readAllLines(portFile).get(0) : null;
            } catch (IOException e) {
                return null;
            }
        });
        HttpClient http = HttpClient.newHttpClient();
        String wsUrl = ChildRun.await("Chromium's page target", 60_000, () -> {
            try {
                JsonNode list = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode t : list) if (t.path("type").asText().equals("page")) return t.get("webSocketDebuggerUrl").asText();
                return null;
            } catch (Exception e) {
                return null;
            }
        });
        ws = http.newWebSocketBuilder().buildAsync(URI.create(wsUrl), new WebSocket.Listener() {
            final StringBuilder buf = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket s, CharSequence data, boolean last) {
                buf.append(data);
                if (last) {
                    try {
                        JsonNode m = JSON.readTree(buf.toString());
                        CompletableFuture<JsonNode> f = m.has("id") ? pending.remove(m.get("id").asInt()) : null;
                        if (f != null) f.complete(m);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                    buf.setLength(0);
                }
                s.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
    }

    /** Sends a DevTools command and returns its result. */
    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params == null ? JSON.createObjectNode() : params);
        ws.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
        JsonNode r = f.get(60, TimeUnit.SECONDS);
        if (r.has("error")) throw new AssertionError(method + ": " + r.get("error"));
        return r.get("result");
    }

    /** The value of a JavaScript expression in the page (promises awaited); null for undefined or null. */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true).put("awaitPromise", true));
        if (r.has("exceptionDetails")) throw new AssertionError(expression + ": " + r.get("exceptionDetails"));
        JsonNode v = r.path("result").path("value");
        return v.isMissingNode() || v.isNull() ? null : v;
    }

    /** A PNG of the page. */
    byte[] screenshot() throws Exception {
        return java.util.Base64.getDecoder().decode(call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")).get("data").asText());
    }

    @Override
    public void close() {
        try {
            ws.abort();
        } finally {
            chromium.descendants().forEach(ProcessHandle::destroy);
            chromium.destroy();
            try {
                chromium.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
