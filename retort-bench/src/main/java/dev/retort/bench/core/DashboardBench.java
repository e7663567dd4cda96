package dev.retort.bench.core;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code retort dashboard} on a 100,000-trial experiment (issue 10: at most 100 ms of server time per refresh).
 * Builds the experiment as {@link ReportBench} does, ten times larger (seed 0..99), starts
 * {@code java -jar retort.jar dashboard exp} as a process, and times {@code GET /api/state} (what the page polls
 * every 2 s) from this JVM over loopback: 5 warm-up requests, then {@code n}; prints the median and the 95th
 * percentile. Loopback HTTP adds well under a millisecond, so this is the server's time.
 *
 * <p>Run: {@code java -cp retort-bench/target/retort-bench.jar dev.retort.bench.core.DashboardBench /tmp/dash100k [n]}
 */
public final class DashboardBench {
    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/retort-dash100k").toAbsolutePath();
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path exp = dir.resolve("exp");
        if (!Files.exists(exp.resolve("retort.db"))) ReportBench.build(dir, exp, 100);
        Process p = new ProcessBuilder(BenchUtil.retort(List.of(), "dashboard", exp.toString())).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            for (String line; (line = out.readLine()) != null; ) if (line.startsWith("dashboard: ")) {
                url = line.substring("dashboard: ".length());
                break;
            }
            if (url == null) throw new IllegalStateException("the dashboard printed no URL");
            String state = url.replace("/?token=", "/api/state?token=");
            HttpClient http = HttpClient.newHttpClient();
            double load0 = BenchUtil.load();
            long bytes = 0;
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 5 + n; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(state)).build(), HttpResponse.BodyHandlers.ofString());
                double t = (System.nanoTime() - t0) / 1e6;
                if (r.statusCode() != 200) throw new IllegalStateException("GET /api/state: " + r.statusCode() + " " + r.body());
                bytes = r.body().length();
                if (i >= 5) ms.add(t);
            }
            double load1 = BenchUtil.load();
            double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = BenchUtil.median(a), p95 = a[(int) Math.ceil(0.95 * a.length) - 1];
            System.out.printf(Locale.ROOT, "GET /api/state on 100,000 trials, %d requests after 5 warm-up: median %.1f ms, p95 %.1f ms,"
                    + " %d bytes; load %.2f -> %.2f%n", n, median, p95, bytes, load0, load1);
            BenchUtil.summary("dashboard refresh on a 100,000-trial experiment (median of " + n + ")",
                    BenchUtil.f("%.1f ms (p95 %.1f ms)", median, p95), "<= 100 ms", median <= 100 ? "PASS" : "FAIL", "-", load1);
        } finally {
            p.destroy();
        }
    }
}
