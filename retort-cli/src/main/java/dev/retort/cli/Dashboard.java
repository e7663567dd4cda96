package dev.retort.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.retort.engine.Results;
import dev.retort.run.Experiment;
import dev.retort.store.Counts;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import dev.retort.store.WorkerRecord;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * {@code retort dashboard}: a live, read-only page on the JDK's own HTTP server. Every request must carry the
 * random token ({@code ?token=...}, 128 bits from {@link SecureRandom}), else 403. The page polls
 * {@code /api/state} every 2 s (counts, progress, ETA, running trials, best results, history) and
 * {@code /api/trial?id=N} for one trial (config, result, phase, error, log tail); both only read the store
 * (SELECTs through {@link TrialStore}; nothing is written).
 */
final class Dashboard implements AutoCloseable {
    static final int REFRESH_MS = 2000, TOP = 20, HISTORY_POINTS = 2000, LOG_TAIL = 8192;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Experiment exp;
    private final TrialStore store;
    private final Clock clock;
    private final String token;
    private final HttpServer server;

    Dashboard(Experiment exp, TrialStore store, Clock clock, String host, int port) throws IOException {
        this.exp = exp;
        this.store = store;
        this.clock = clock;
        byte[] t = new byte[16];
        new SecureRandom().nextBytes(t);
        this.token = HexFormat.of().formatHex(t);
        this.server = HttpServer.create(new InetSocketAddress(host, port), 16);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread th = new Thread(r, "dashboard");
            th.setDaemon(true);
            return th;
        }));
    }

    void start() {
        server.start();
    }

    /** The page's address with its token. */
    String url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/?token=" + token;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            if (!x.getRequestMethod().equals("GET") && !x.getRequestMethod().equals("HEAD")) {
                send(x, 405, "text/plain", "read-only: GET only\n");
                return;
            }
            if (!tokenMatches(query(x.getRequestURI()).get("token"))) {
                send(x, 403, "text/plain", "403: this dashboard needs its token (?token=...), as printed by retort dashboard\n");
                return;
            }
            switch (x.getRequestURI().getPath()) {
                case "/" -> send(x, 200, "text/html; charset=utf-8", page());
                case "/api/state" -> send(x, 200, "application/json", JSON.writeValueAsString(state()));
                case "/api/trial" -> {
                    Map<String, Object> t = trial(query(x.getRequestURI()).get("id"));
                    send(x, t == null ? 404 : 200, "application/json", JSON.writeValueAsString(t == null ? Map.of("error", "no such trial") : t));
                }
                default -> send(x, 404, "text/plain", "404\n");
            }
        } catch (RuntimeException e) {
            // a store fault while the experiment runs: say so on the page, keep serving
            send(x, 500, "text/plain", "500: " + e.getMessage() + "\n");
        }
    }

    private boolean tokenMatches(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> m = new LinkedHashMap<>();
        String q = uri.getRawQuery();
        if (q == null) return m;
        for (String kv : q.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) m.put(kv.substring(0, eq), java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    private static void send(HttpExchange x, int code, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.getResponseHeaders().set("Cache-Control", "no-store");
        x.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:");
        x.sendResponseHeaders(code, x.getRequestMethod().equals("HEAD") ? -1 : b.length);
        if (!x.getRequestMethod().equals("HEAD")) try (OutputStream o = x.getResponseBody()) {
            o.write(b);
        }
    }

    /** Counts, progress and ETA, running trials with worker, host and age, the best trials, the history. */
    Map<String, Object> state() {
        long now = clock.millis();
        Counts c = store.counts();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", exp.plan().name());
        m.put("metric", exp.plan().metric().name());
        m.put("goal", exp.plan().metric().goal().name().toLowerCase(java.util.Locale.ROOT));
        Map<String, Long> counts = new LinkedHashMap<>();
        long total = 0;
        for (TrialState s : TrialState.values()) {
            counts.put(s.name(), c.get(s));
            total += c.get(s);
        }
        m.put("counts", counts);
        m.put("total", total);
        long finished = c.get(TrialState.DONE) + c.get(TrialState.FAILED) + c.get(TrialState.SKIPPED);
        m.put("finished", finished);
        List<TrialStore.FinishedMetric> done = finished(c.get(TrialState.DONE));
        m.put("eta_seconds", eta(done, finished, total, now));
        Map<String, String> hosts = new LinkedHashMap<>();
        for (WorkerRecord w : store.workers()) hosts.put(w.id(), w.host());
        List<Map<String, Object>> running = new ArrayList<>();
        for (TrialRecord t : store.trials(TrialState.RUNNING)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("trial", t.id());
            r.put("config", t.config().asMap());
            r.put("worker", t.worker());
            r.put("host", hosts.get(t.worker()));
            r.put("age_seconds", t.startedAt() == null ? null : (now - t.startedAt()) / 1000.0);
            r.put("phase", t.phase());
            running.add(r);
        }
        m.put("running", running);
        List<Map<String, Object>> best = new ArrayList<>();
        for (TrialRecord t : store.best(exp.plan().metric().goal().maximize(), TOP)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("trial", t.id());
            r.put("config", t.config().asMap());
            r.put("metric", t.metric());
            best.add(r);
        }
        m.put("best", best);
        List<TrialStore.FinishedMetric> byFinish = new ArrayList<>(done);
        byFinish.removeIf(t -> t.metric() == null || t.finishedAt() == null);
        int step = Math.max(1, (byFinish.size() + HISTORY_POINTS - 1) / HISTORY_POINTS);
        List<double[]> history = new ArrayList<>();
        for (int i = 0; i < byFinish.size(); i += step) history.add(new double[]{i + 1, byFinish.get(i).metric()});
        m.put("history", history);
        return m;
    }

    private final List<TrialStore.FinishedMetric> finished = new ArrayList<>();
    private final java.util.Set<Long> finishedIds = new java.util.HashSet<>();

    /**
     * The DONE trials' times and metrics in finishing order, read incrementally: only those finished since the
     * last read (at or after its latest finish, repeats dropped by id). When the count of DONE trials disagrees
     * (a reset moved some back), everything is read again.
     */
    private synchronized List<TrialStore.FinishedMetric> finished(long doneCount) {
        Long last = finished.isEmpty() ? null : finished.get(finished.size() - 1).finishedAt();
        long since = last == null ? Long.MIN_VALUE : last;
        for (TrialStore.FinishedMetric f : store.finishedMetrics(since)) if (finishedIds.add(f.id())) finished.add(f);
        if (finished.size() != doneCount) {
            finished.clear();
            finishedIds.clear();
            for (TrialStore.FinishedMetric f : store.finishedMetrics(Long.MIN_VALUE)) if (finishedIds.add(f.id())) finished.add(f);
        }
        return new ArrayList<>(finished);
    }

    /** Remaining trials at the rate trials finished since the first one started; null before any finished. */
    private static Double eta(List<TrialStore.FinishedMetric> done, long finished, long total, long now) {
        long first = Long.MAX_VALUE;
        for (TrialStore.FinishedMetric t : done) if (t.startedAt() != null) first = Math.min(first, t.startedAt());
        if (finished == 0 || first == Long.MAX_VALUE || now <= first) return null;
        double perTrial = (now - first) / 1000.0 / finished;
        return perTrial * (total - finished);
    }

    /** One trial: config, state, attempt, result, phase, error, and the tail of its logs. */
    Map<String, Object> trial(String idText) throws IOException {
        long id;
        try {
            id = Long.parseLong(idText == null ? "" : idText);
        } catch (NumberFormatException e) {
            return null;
        }
        TrialRecord t = null;
        for (TrialState s : TrialState.values()) {
            for (TrialRecord r : store.trials(s)) if (r.id() == id) t = r;
            if (t != null) break;
        }
        if (t == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial", t.id());
        m.put("state", t.state().name());
        m.put("attempt", t.attempt());
        m.put("config", t.config().asMap());
        m.put("result", t.resultJson() == null ? null : Results.fromJson(t.resultJson()));
        m.put("metric", t.metric());
        m.put("phase", t.phase());
        m.put("worker", t.worker());
        m.put("error", t.error());
        Path dir = LogsCommand.trialDir(exp.trialsDir(), id).orElse(null);
        m.put("stdout_tail", tail(dir == null ? null : dir.resolve("stdout.log")));
        m.put("stderr_tail", tail(dir == null ? null : dir.resolve("stderr.log")));
        return m;
    }

    private static String tail(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) return null;
        try (var ch = java.nio.channels.FileChannel.open(file)) {
            long size = ch.size(), from = Math.max(0, size - LOG_TAIL);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((int) (size - from));
            ch.read(b, from);
            return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
        }
    }

    private String page() {
        return PAGE.replace("__TITLE__", HtmlReport.esc(exp.plan().name())).replace("__REFRESH__", Integer.toString(REFRESH_MS));
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"/><title>Retort dashboard: __TITLE__</title>
            <style>
            body{font:14px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:1100px;padding:0 1em;color:#222}
            table{border-collapse:collapse;font-size:13px;margin:.5em 0}th,td{border:1px solid #ddd;padding:2px 8px;text-align:left}
            .bar{background:#eee;height:14px;border-radius:3px;overflow:hidden;max-width:600px}.bar div{background:#1f77b4;height:100%}
            a{color:#1f77b4;cursor:pointer}pre{background:#f8f8f8;border:1px solid #eee;padding:.5em;overflow:auto;max-height:20em}
            </style></head><body>
            <h1>__TITLE__</h1>
            <p id="counts">loading...</p><div class="bar"><div id="bar" style="width:0%"></div></div><p id="eta"></p>
            <h2>Running</h2><table><thead><tr><th>trial</th><th>worker</th><th>host</th><th>age (s)</th><th>phase</th><th>config</th></tr></thead><tbody id="running"></tbody></table>
            <h2>Best</h2><table><thead><tr><th>trial</th><th>metric</th><th>config</th></tr></thead><tbody id="best"></tbody></table>
            <h2>History</h2><svg id="history" width="800" height="240" viewBox="0 0 800 240" role="img"></svg>
            <h2>Trial</h2><div id="trial">Click a trial id.</div>
            <script>
            var token = new URLSearchParams(location.search).get("token");
            function api(path) { return fetch(path + (path.indexOf("?") < 0 ? "?" : "&") + "token=" + encodeURIComponent(token)).then(function (r) { return r.json(); }); }
            function text(v) { return document.createTextNode(v === null || v === undefined ? "" : String(v)); }
            function row(cells, id) {
              var tr = document.createElement("tr");
              cells.forEach(function (c, i) {
                var td = document.createElement("td");
                if (i === 0) { var a = document.createElement("a"); a.className = "trial-link"; a.appendChild(text(c)); a.onclick = function () { show(id); }; td.appendChild(a); }
                else td.appendChild(text(c));
                tr.appendChild(td);
              });
              return tr;
            }
            function fill(id, rows) { var b = document.getElementById(id); b.innerHTML = ""; rows.forEach(function (r) { b.appendChild(r); }); }
            function draw(points) {
              var svg = document.getElementById("history"); svg.innerHTML = "";
              if (points.length === 0) return;
              var ys = points.map(function (p) { return p[1]; }), lo = Math.min.apply(null, ys), hi = Math.max.apply(null, ys), n = points[points.length - 1][0];
              if (hi === lo) { hi = lo + 1; }
              points.forEach(function (p) {
                var c = document.createElementNS("http://www.w3.org/2000/svg", "circle");
                c.setAttribute("cx", 10 + 780 * (n > 1 ? (p[0] - 1) / (n - 1) : 0.5)); c.setAttribute("cy", 230 - 220 * (p[1] - lo) / (hi - lo));
                c.setAttribute("r", 2.5); c.setAttribute("fill", "#1f77b4"); svg.appendChild(c);
              });
            }
            function show(id) {
              api("/api/trial?id=" + id).then(function (t) {
                var d = document.getElementById("trial"); d.innerHTML = "";
                var h = document.createElement("h3"); h.id = "trial-title"; h.appendChild(text("trial " + t.trial + ": " + t.state + ", attempt " + t.attempt + (t.phase ? ", phase " + t.phase : ""))); d.appendChild(h);
                [["config", JSON.stringify(t.config)], ["result", JSON.stringify(t.result)], ["error", t.error], ["stdout", t.stdout_tail], ["stderr", t.stderr_tail]].forEach(function (kv) {
                  if (kv[1] === null || kv[1] === undefined || kv[1] === "null") return;
                  var p = document.createElement("p"); p.appendChild(text(kv[0])); d.appendChild(p);
                  var pre = document.createElement("pre"); pre.appendChild(text(kv[1])); d.appendChild(pre);
                });
              });
            }
            function refresh() {
              api("/api/state").then(function (s) {
                var parts = Object.keys(s.counts).filter(function (k) { return s.counts[k] > 0; }).map(function (k) { return s.counts[k] + " " + k; });
                document.getElementById("counts").textContent = parts.join(", ") + " of " + s.total;
                document.getElementById("counts").setAttribute("data-done", s.counts.DONE);
                document.getElementById("bar").style.width = (s.total ? 100 * s.finished / s.total : 0) + "%";
                document.getElementById("eta").textContent = s.eta_seconds === null ? "" : "ETA " + Math.round(s.eta_seconds) + " s";
                fill("running", s.running.map(function (r) { return row([r.trial, r.worker, r.host, r.age_seconds === null ? "" : r.age_seconds.toFixed(1), r.phase, JSON.stringify(r.config)], r.trial); }));
                fill("best", s.best.map(function (r) { return row([r.trial, r.metric, JSON.stringify(r.config)], r.trial); }));
                draw(s.history);
              }).catch(function (e) { document.getElementById("eta").textContent = "update failed: " + e; });
            }
            refresh(); setInterval(refresh, __REFRESH__);
            </script></body></html>
            """;
}
