package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.manifest.Manifest;
import dev.retort.report.Cells;
import dev.retort.report.ResultTable;
import dev.retort.run.Experiment;
import dev.retort.store.Counts;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code retort report}: one self-contained HTML file (inline CSS, inline SVG charts, one small inline script,
 * nothing fetched) with the counts by state, the manifest summary when the experiment has one, the results
 * table, the charts and the FAILED trials with the tail of their errors. Everything shows without JavaScript;
 * the script only makes the tables sortable (click a column head). The markup is well-formed XML as well as
 * HTML, so tools (and tests) can parse it. See docs/cli.md ("retort report").
 */
final class HtmlReport {
    /** Scatter points per chart at most; more are thinned to every k-th (the chart's title says so). */
    static final int MAX_POINTS = 1000;
    /** Configurations a box plot in the report shows at most; with more it is left out (with a note). */
    static final int MAX_BOXES = 40;
    /** FAILED trials listed at most, and the error lines shown of each. */
    static final int MAX_FAILED = 100, ERROR_LINES = 15;

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222}
            h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
            .meta{color:#666}table{border-collapse:collapse;margin:.5em 0 1em;font-size:13px}
            th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
            td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f4f4f4;white-space:nowrap}
            table.sortable th{cursor:pointer}th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
            .scroll{max-height:36em;overflow:auto;border:1px solid #eee}dl{display:grid;grid-template-columns:max-content auto;gap:2px 1em}
            dt{font-weight:600}dd{margin:0;word-break:break-all}figure{margin:1em 0}figure svg{max-width:100%;height:auto}
            figcaption{color:#555}pre{background:#f8f8f8;border:1px solid #eee;padding:.5em;overflow:auto;font-size:12px}
            """;

    /** Sorts a table by the clicked column: numbers by value (data-v holds the exact one), text by text. */
    private static final String JS = """
            document.querySelectorAll("table.sortable").forEach(function (t) {
              t.querySelectorAll("thead th").forEach(function (th, col) {
                th.addEventListener("click", function () {
                  var asc = th.getAttribute("aria-sort") !== "ascending";
                  t.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
                  th.setAttribute("aria-sort", asc ? "ascending" : "descending");
                  var body = t.tBodies[0], rows = Array.prototype.slice.call(body.rows);
                  function key(r) {
                    var c = r.cells[col];
                    if (c.hasAttribute("data-v")) return parseFloat(c.getAttribute("data-v"));
                    return c.className === "n" ? parseFloat(c.textContent) : c.textContent;
                  }
                  rows.sort(function (a, b) {
                    var x = key(a), y = key(b), d = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
                    return asc ? d : -d;
                  });
                  rows.forEach(function (r) { body.appendChild(r); });
                });
              });
            });
            """;

    private HtmlReport() {
    }

    static void write(Writer out, Experiment exp, TrialStore store, Instant now) throws IOException {
        StringBuilder h = new StringBuilder(1 << 20);
        String name = exp.plan().name();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>Retort report: ").append(esc(name))
                .append("</title>\n<meta name=\"generator\" content=\"retort 0.1.0\"/>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>").append(esc(name)).append("</h1><p class=\"meta\" id=\"generated\">generated ")
                .append(esc(dev.retort.report.ExportedTrial.time(now))).append(" from ").append(esc(exp.location().redacted()))
                .append("</p></header>\n");
        summary(h, exp, store.counts());
        manifest(h, exp.dir());
        // DONE trials best first, read once for the table and the charts
        List<TrialRecord> done = store.best(exp.plan().metric().goal().maximize(), Integer.MAX_VALUE);
        // the charts are drawn on other threads while this one builds the results table
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "report-charts");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<String>> charts = new ArrayList<>();
            StringBuilder notes = new StringBuilder();
            for (Plots.Plot p : plotList(exp, done, notes)) charts.add(pool.submit(() -> figure(p)));
            results(h, exp, store, done);
            if (!charts.isEmpty() || notes.length() > 0) {
                h.append("<section id=\"plots\"><h2>Plots</h2>\n").append(notes);
                for (java.util.concurrent.Future<String> f : charts) h.append(join(f));
                h.append("</section>\n");
            }
        } finally {
            pool.shutdownNow();
        }
        failed(h, store.trials(TrialState.FAILED));
        h.append("<script>\n//<![CDATA[\n").append(JS).append("//]]>\n</script>\n</body>\n</html>\n");
        out.write(h.toString());
    }

    private static void summary(StringBuilder h, Experiment exp, Counts c) {
        h.append("<section id=\"summary\"><h2>Summary</h2>\n<table class=\"counts\"><thead><tr>");
        for (TrialState s : TrialState.values()) h.append("<th>").append(s.name()).append("</th>");
        h.append("<th>total</th></tr></thead><tbody><tr>");
        long total = 0;
        for (TrialState s : TrialState.values()) {
            h.append("<td class=\"n\">").append(c.get(s)).append("</td>");
            total += c.get(s);
        }
        h.append("<td class=\"n\">").append(total).append("</td></tr></tbody></table>\n<p>Metric <code>")
                .append(esc(exp.plan().metric().name())).append("</code>, ")
                .append(exp.plan().metric().goal().name().toLowerCase(Locale.ROOT)).append("d; objective kind <code>")
                .append(esc(exp.plan().objective().kind())).append("</code>.</p></section>\n");
    }

    /** The latest run's manifest, when {@code manifest.json} exists: what, with which code, where, and how it ended. */
    private static void manifest(StringBuilder h, Path dir) {
        Path file = dir.resolve(Manifest.FILE);
        if (!Files.isRegularFile(file)) return;
        JsonNode m;
        try {
            m = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            h.append("<section id=\"manifest\"><h2>Manifest</h2><p>").append(esc(file + ": cannot read: " + e.getMessage()))
                    .append("</p></section>\n");
            return;
        }
        h.append("<section id=\"manifest\"><h2>Manifest</h2>\n<dl>\n");
        item(h, "file", file.toString());
        item(h, "plan", text(m, "/plan/file") + " (sha256 " + text(m, "/plan/sha256") + ")");
        item(h, "retort", text(m, "/retort/version"));
        JsonNode git = m.at("/git");
        item(h, "git", git.path("present").asBoolean(false) ? text(m, "/git/commit") + " on " + text(m, "/git/branch")
                + (git.path("dirty").asBoolean(false) ? " (dirty)" : "") : "not a git work tree");
        item(h, "java", text(m, "/host/java/vendor") + " " + text(m, "/host/java/version"));
        item(h, "os", text(m, "/host/os/name") + " " + text(m, "/host/os/version") + " " + text(m, "/host/os/arch"));
        item(h, "host", text(m, "/host/name") + ", " + text(m, "/host/cpu/count") + " CPUs " + text(m, "/host/cpu/model"));
        item(h, "started", text(m, "/run/started_at") + " with " + text(m, "/run/workers") + " workers");
        JsonNode o = m.at("/outcome");
        if (o.isMissingNode() || o.isNull()) item(h, "outcome", "not recorded (the run has not ended, or was killed)");
        else {
            List<String> counts = new ArrayList<>();
            o.path("counts").fields().forEachRemaining(e -> counts.add(e.getValue().asText() + " " + e.getKey()));
            item(h, "finished", text(m, "/outcome/finished_at") + ": " + String.join(", ", counts));
            item(h, "results sha256", text(m, "/outcome/results_sha256"));
        }
        h.append("</dl></section>\n");
    }

    private static String text(JsonNode m, String pointer) {
        JsonNode n = m.at(pointer);
        return n.isMissingNode() || n.isNull() ? "-" : n.asText();
    }

    private static void item(StringBuilder h, String term, String value) {
        h.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }

    /**
     * The results table as {@code retort results} has it (any plan kind), sortable. Numbers are right-aligned;
     * where the shown value is rounded, {@code data-v} keeps the exact one for sorting.
     */
    private static void results(StringBuilder h, Experiment exp, TrialStore store, List<TrialRecord> done) throws IOException {
        ResultTable t = Reports.resultsTable(exp, store, done);
        h.append("<section id=\"results\"><h2>Results</h2>\n");
        if (t.rows().isEmpty()) {
            h.append("<p>No DONE trial yet.</p></section>\n");
            return;
        }
        h.append("<p>").append(t.rows().size()).append(" rows, best first by ").append(esc(exp.plan().metric().name()))
                .append(". Click a column head to sort.</p>\n<div class=\"scroll\"><table class=\"sortable\" id=\"results-table\"><thead><tr>");
        for (String c : t.columns()) h.append("<th>").append(esc(c)).append("</th>");
        h.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : t.rows()) {
            h.append("<tr>");
            for (Object o : row) cell(h, o);
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div></section>\n");
    }

    private static void cell(StringBuilder h, Object o) {
        String exact = o instanceof String s ? s : Cells.exact(o);
        Double d = o instanceof Number n ? Double.valueOf(n.doubleValue()) : o instanceof String s ? number(s) : null;
        if (d == null) {
            h.append("<td>").append(esc(exact)).append("</td>");
            return;
        }
        String shown = isInteger(exact) ? exact : Cells.display(d);
        if (shown.equals(exact)) h.append("<td class=\"n\">").append(esc(shown)).append("</td>");
        else h.append("<td class=\"n\" data-v=\"").append(esc(exact)).append("\">").append(esc(shown)).append("</td>");
    }

    private static boolean isInteger(String v) {
        for (int i = v.startsWith("-") ? 1 : 0; i < v.length(); i++) if (!Character.isDigit(v.charAt(i))) return false;
        return true;
    }

    /** The number a CSV cell holds, or null for text. */
    private static Double number(String v) {
        if (v.isEmpty() || !(Character.isDigit(v.charAt(0)) || v.charAt(0) == '-' && v.length() > 1)) return null;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The charts of the report: history, metric per parameter, and per-fold boxes unless there are too many. */
    private static List<Plots.Plot> plotList(Experiment exp, List<TrialRecord> done, StringBuilder notes) {
        if (done.isEmpty()) return List.of();
        Plots.Input in = Plots.input(exp, done, exp.plan().metric().name()).withMaxPoints(MAX_POINTS);
        if (done.stream().allMatch(t -> in.value(t) == null)) return List.of();
        List<Plots.Plot> plots = new ArrayList<>(Plots.history(in));
        plots.addAll(Plots.parameters(in));
        if (in.pairKey() != null) {
            int configs = Plots.configurations(in);
            if (configs <= MAX_BOXES) plots.addAll(Plots.folds(in));
            else notes.append("<p class=\"note\">").append(esc("No box plot over " + in.pairKey() + "s: " + configs
                    + " configurations are too many boxes for one chart (retort plot --kind folds draws them)")).append("</p>\n");
        }
        return plots;
    }

    private static String figure(Plots.Plot p) throws IOException {
        String svg = Plots.compact(Plots.svg(p));
        int start = svg.indexOf("<svg");
        return "<figure id=\"plot-" + esc(p.name()) + "\">\n" + svg.substring(start) + "\n<figcaption>" + esc(p.title()) + " ("
                + p.series().size() + " series: " + esc(String.join(", ", p.series())) + ")</figcaption></figure>\n";
    }

    private static String join(java.util.concurrent.Future<String> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while drawing the report's charts");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new dev.retort.BugException("drawing a chart failed", e.getCause());
        }
    }

    private static void failed(StringBuilder h, List<TrialRecord> failed) {
        h.append("<section id=\"failed\"><h2>Failed trials</h2>\n");
        if (failed.isEmpty()) {
            h.append("<p>None.</p></section>\n");
            return;
        }
        h.append("<p>").append(failed.size()).append(" FAILED").append(failed.size() > MAX_FAILED ? ", the first " + MAX_FAILED + " shown" : "")
                .append("; each with the last ").append(ERROR_LINES).append(" lines of its error (retort logs DIR TRIAL --stderr for the rest).</p>\n");
        for (TrialRecord t : failed.subList(0, Math.min(MAX_FAILED, failed.size()))) {
            h.append("<div class=\"failed\" id=\"failed-").append(t.id()).append("\"><h3>trial ").append(t.id()).append("</h3><p><code>")
                    .append(esc(t.config().toJson())).append("</code>, attempt ").append(t.attempt())
                    .append(t.phase() == null ? "" : ", phase " + esc(t.phase())).append("</p><pre>").append(esc(tail(t.error()))).append("</pre></div>\n");
        }
        h.append("</section>\n");
    }

    static String tail(String error) {
        if (error == null) return "";
        List<String> lines = error.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - ERROR_LINES), lines.size()));
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') sb.append('?'); // not allowed in XML
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
