package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code retort dashboard} beside a running experiment, both real child processes: the token is required, the
 * done count rises between two reads of the same page's data, one trial opens, and nothing is written.
 * (A headless-browser test is still to come: this machine has no Chromium.)
 */
class DashboardTest {
    @TempDir
    Path tmp;
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A running experiment (one worker, 30 trials of {@code seconds} each) and a dashboard on it, both child processes. */
    record Live(Process run, Process dash, Path exp, String url, String base, String token) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            dash.destroy();
            run.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** The done count the page shows (set by its last update), or null while it has none (the page may still load). */
    static final String DONE_ON_PAGE = "(function () { var e = document.getElementById('counts'); return e ? e.getAttribute('data-done') : null; })()";

    Live live(String seconds) throws Exception {
        Path plan = Files.writeString(tmp.resolve("slow.yaml"), """
                experiment: live
                objective: {command: [sh, -c, 'sleep SECONDS; echo "line {x}"; echo "{{\\"value\\": {x}}}"']}
                space: {x: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]}
                """.replace("SECONDS", seconds));
        Path exp = tmp.resolve("live");
        Process run = ChildRun.start(tmp.resolve("run.log"), List.of(), "run", plan.toString(), "--dir", exp.toString(),
                "--workers", "1", "--no-progress");
        ChildRun.await("the experiment to register", 60_000, () -> {
            Long n = ChildRun.read(exp, s -> s.counts().get(dev.retort.store.TrialState.PENDING) + s.counts().get(dev.retort.store.TrialState.RUNNING));
            return n != null && n > 0 ? n : null;
        });
        Path log = tmp.resolve("dash.log");
        Process dash = ChildRun.start(log, List.of(), "dashboard", exp.toString());
        String url = ChildRun.await("the dashboard's URL", 60_000, () -> {
            try {
                Matcher m = Pattern.compile("dashboard: (http://127\\.0\\.0\\.1:\\d+/\\?token=([0-9a-f]{32}))").matcher(Files.readString(log));
                return m.find() ? m.group(1) : null;
            } catch (java.io.IOException e) {
                return null;
            }
        });
        return new Live(run, dash, exp, url, url.substring(0, url.indexOf("/?token=")), url.substring(url.indexOf("token=") + 6));
    }

    @Test
    void a_real_headless_browser_sees_the_done_count_rise_without_a_reload_opens_a_trial_and_gets_403_without_the_token() throws Exception {
        try (Live l = live("0.6"); DevTools chrome = new DevTools(l.url(), Files.createDirectories(tmp.resolve("profile")))) {
            long first = ChildRun.await("the page's first update", 60_000, () -> {
                try {
                    JsonNode v = chrome.eval(DONE_ON_PAGE);
                    return v == null ? null : Long.parseLong(v.asText());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            chrome.eval("window.retortMarker = 42");
            ChildRun.await("the done count to rise on the page", 60_000, () -> {
                try {
                    long now = Long.parseLong(chrome.eval(DONE_ON_PAGE).asText());
                    return now > first ? now : null;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            // no reload happened: the marker set before is still there, and there was one navigation
            assertThat(chrome.eval("window.retortMarker").asInt()).isEqualTo(42);
            assertThat(chrome.eval("performance.getEntriesByType('navigation').length").asInt()).isEqualTo(1);
            chrome.eval("document.querySelector('#best a.trial-link').click()");
            String title = ChildRun.await("the trial to open", 30_000, () -> {
                try {
                    JsonNode t = chrome.eval("(document.getElementById('trial-title') || {}).textContent");
                    return t == null ? null : t.asText();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(title).matches("trial \\d+: DONE, attempt 1.*");
            assertThat(chrome.eval("fetch('" + l.base() + "/api/state').then(function (r) { return r.status; })").asInt()).isEqualTo(403);
            byte[] png = chrome.screenshot();
            Path shot = Path.of("target", "dashboard-screenshot.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, png);
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(shot.toFile());
            assertThat(img.getWidth()).isGreaterThan(100);
        }
    }

    @Test
    void the_page_needs_its_token_and_shows_the_done_count_rising_beside_a_running_experiment() throws Exception {
        Live l = live("0.2");
        Process run = l.run(), dash = l.dash();
        Path exp = l.exp();
        String url = l.url(), base = l.base(), token = l.token();
        try {
            // no token, a wrong one: 403 on every path
            assertThat(get(base + "/").statusCode()).isEqualTo(403);
            assertThat(get(base + "/api/state").statusCode()).isEqualTo(403);
            assertThat(get(base + "/api/state?token=" + "0".repeat(32)).statusCode()).isEqualTo(403);
            HttpResponse<String> page = get(url);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Retort dashboard: live</title>", "setInterval(refresh, 2000)");
            assertThat(page.body()).doesNotContain("src=", "<link");
            ObjectMapper json = new ObjectMapper();
            JsonNode first = json.readTree(get(base + "/api/state?token=" + token).body());
            long done0 = first.get("counts").get("DONE").asLong();
            assertThat(first.get("total").asLong()).isEqualTo(30);
            // the same data the page polls every 2 s shows more DONE trials, and a running trial with its worker and host
            JsonNode later = ChildRun.await("the done count to rise", 60_000, () -> {
                try {
                    JsonNode s = json.readTree(get(base + "/api/state?token=" + token).body());
                    return s.get("counts").get("DONE").asLong() > done0 && s.get("running").size() > 0 ? s : null;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            JsonNode r = later.get("running").get(0);
            assertThat(r.get("worker").asText()).isNotEmpty();
            assertThat(r.get("host").asText()).isNotEmpty();
            assertThat(later.get("history").size()).isEqualTo((int) later.get("counts").get("DONE").asLong());
            assertThat(later.get("eta_seconds").asDouble()).isPositive();
            JsonNode trial = json.readTree(get(base + "/api/trial?id=1&token=" + token).body());
            assertThat(trial.get("config").get("x").asInt()).isEqualTo(1);
            assertThat(trial.get("state").asText()).isEqualTo("DONE");
            assertThat(trial.get("stdout_tail").asText()).contains("line 1");
            assertThat(get(base + "/api/trial?id=999&token=" + token).statusCode()).isEqualTo(404);
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            // read-only: once the run has ended, serving every endpoint leaves the store's files byte for byte as they were
            assertThat(run.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            String before = storeDigest(exp);
            for (int i = 0; i < 3; i++) {
                assertThat(get(url).statusCode()).isEqualTo(200);
                assertThat(get(base + "/api/state?token=" + token).statusCode()).isEqualTo(200);
                assertThat(get(base + "/api/trial?id=2&token=" + token).statusCode()).isEqualTo(200);
            }
            assertThat(storeDigest(exp)).isEqualTo(before);
        } finally {
            dash.destroy();
            run.waitFor();
        }
        assertThat(run.exitValue()).as(Files.readString(tmp.resolve("run.log"))).isZero();
    }

    /**
     * SHA-256 of retort.db and its -wal file (when it exists), with their sizes. Not the -shm file: SQLite's
     * shared-memory index, where every reader, read-only or not, takes its read mark.
     */
    static String storeDigest(Path exp) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String f : List.of("retort.db", "retort.db-wal")) {
            Path p = exp.resolve(f);
            if (!Files.exists(p)) continue;
            byte[] b = Files.readAllBytes(p);
            sb.append(f).append(' ').append(b.length).append(' ')
                    .append(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b))).append('\n');
        }
        return sb.toString();
    }

    @Test
    void the_dashboard_reads_an_experiment_in_a_postgresql_store_and_still_needs_its_token() throws Exception {
        String url = PostgresServer.url(PostgresServer.freshSchema("dash"), false);
        java.util.Map<String, String> pg = java.util.Map.of("PGPASSWORD", PostgresServer.PASSWORD);
        Path plan = Files.writeString(tmp.resolve("pg.yaml"), """
                experiment: dashpg
                objective: {class: dev.retort.examples.Branin}
                space: {x1: {linspace: [-5, 10, 4]}, x2: {linspace: [0, 15, 3]}}
                """);
        ChildRetort.Result run = ChildRetort.run(tmp, pg, "run", plan.toString(), "--store", url, "--artifacts", "dashpg", "--no-progress");
        assertThat(run.code()).as(run.output()).isZero();
        Path log = tmp.resolve("dashpg.log");
        Process dash = ChildRun.start(log, List.of(), pg, "dashboard", "--store", url, "--experiment", "dashpg", "--artifacts", tmp.resolve("dashpg").toString());
        try {
            String page = ChildRun.await("the dashboard's URL", 60_000, () -> {
                try {
                    Matcher m = Pattern.compile("dashboard: (http://127\\.0\\.0\\.1:\\d+/\\?token=([0-9a-f]{32}))").matcher(Files.readString(log));
                    return m.find() ? m.group(1) : null;
                } catch (java.io.IOException e) {
                    return null;
                }
            });
            String base = page.substring(0, page.indexOf("/?token=")), token = page.substring(page.indexOf("token=") + 6);
            assertThat(get(base + "/api/state").statusCode()).isEqualTo(403);
            JsonNode state = new ObjectMapper().readTree(get(base + "/api/state?token=" + token).body());
            assertThat(state.get("total").asLong()).isEqualTo(12);
            assertThat(state.get("counts").get("DONE").asLong()).isEqualTo(12);
            assertThat(state.get("history").size()).isEqualTo(12);
            JsonNode trial = new ObjectMapper().readTree(get(base + "/api/trial?id=1&token=" + token).body());
            assertThat(trial.get("state").asText()).isEqualTo("DONE");
            assertThat(Files.readString(log)).doesNotContain(PostgresServer.PASSWORD);
        } finally {
            dash.destroy();
            dash.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void a_port_out_of_range_is_a_user_error_naming_the_flag() throws Exception {
        Path exp = ExportFixture.create(tmp);
        Cli.Result r = Cli.run("dashboard", exp.toString(), "--port", "70000");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--port", "70000", "0 to 65535").doesNotContain("\tat ");
    }
}
