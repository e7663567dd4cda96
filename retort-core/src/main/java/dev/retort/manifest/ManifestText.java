package dev.retort.manifest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/** A manifest for people: one section per part, one fact per line (what {@code retort manifest DIR} prints). */
public final class ManifestText {
    private ManifestText() {
    }

    public static String render(JsonNode m) {
        StringBuilder sb = new StringBuilder();
        sb.append("experiment ").append(m.path("experiment").asText()).append(" (manifest format ").append(m.path("format").asInt()).append(")\n");
        JsonNode run = m.path("run");
        line(sb, "started", run.path("started_at").asText("?") + ", " + run.path("workers").asText("?") + " worker(s)"
                + (run.path("worker_threads").asBoolean() ? " as threads" : " as processes"));
        if (run.has("rerun_of")) line(sb, "rerun of", run.path("rerun_of").asText());
        if (run.has("accepted_differences"))
            line(sb, "accepted", run.path("accepted_differences").size() + " difference(s) with --force");
        JsonNode p = m.path("plan");
        section(sb, "plan");
        line(sb, "file", p.path("path").asText() + " (sha256 " + p.path("sha256").asText() + (p.path("redacted").asBoolean() ? ", secrets redacted" : "") + ")");
        line(sb, "objective", describeObjective(m.path("objective")));
        line(sb, "metric", p.path("resolved").path("identity").path("metric").path("name").asText() + " ("
                + p.path("resolved").path("identity").path("metric").path("goal").asText() + ")");
        section(sb, "code");
        line(sb, "retort", m.path("retort").path("version").asText());
        entries(sb, m.path("retort").path("code"));
        if (m.path("objective").has("classpath")) entries(sb, m.path("objective").path("classpath"));
        JsonNode prog = m.path("objective").path("program");
        if (prog.has("path")) line(sb, "program", prog.path("path").asText() + "  " + prog.path("sha256").asText());
        if (m.path("captured").size() > 0) {
            section(sb, "captured files");
            entries(sb, m.path("captured"));
        }
        if (m.path("datasets").size() > 0) {
            section(sb, "datasets");
            for (Iterator<Map.Entry<String, JsonNode>> it = m.path("datasets").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode d = e.getValue(), s = d.path("source");
                String src = s.path("kind").asText() + (s.has("path") ? " " + s.path("path").asText() : s.has("name") ? " " + s.path("name").asText() : "")
                        + (s.has("sha256") ? " sha256 " + s.path("sha256").asText() + ", " + s.path("size").asLong() + " bytes" : "");
                line(sb, e.getKey(), src);
                line(sb, "", d.path("rows").asLong() + " rows, " + d.path("users").asLong() + " users, " + d.path("items").asLong()
                        + " items after " + d.path("preprocess").size() + " step(s); split " + d.path("split").path("kind").asText()
                        + " " + Canonical.compact(d.path("split").path("params")) + ", " + d.path("split_parts").size() + " part(s)");
            }
        }
        if (m.path("seeds").size() > 0) {
            section(sb, "seeds");
            m.path("seeds").fields().forEachRemaining(e -> line(sb, e.getKey(), e.getValue().asText()));
        }
        section(sb, "environment");
        JsonNode h = m.path("host");
        line(sb, "java", h.path("java").path("vendor").asText() + " " + h.path("java").path("runtime").asText() + " (" + h.path("java").path("vm").asText() + ")");
        line(sb, "os", h.path("os").path("name").asText() + " " + h.path("os").path("version").asText() + " " + h.path("os").path("arch").asText());
        line(sb, "cpu", h.path("cpu").path("model").asText("?") + ", " + h.path("cpu").path("count").asInt() + " cores");
        line(sb, "host", h.path("name").asText());
        JsonNode g = m.path("git");
        line(sb, "git", !g.path("present").asBoolean() ? "not a git work tree" : g.path("commit").asText() + " on " + g.path("branch").asText()
                + (g.path("dirty").asBoolean() ? ", dirty (" + g.path("diff_bytes").asLong() + " bytes of diff" + (g.path("diff_truncated").asBoolean() ? ", cut at " + g.path("diff_cap").asLong() : "") + ")" : ", clean"));
        m.path("environment").fields().forEachRemaining(e -> line(sb, e.getKey(), e.getValue().asText()));
        m.path("objective").path("env").fields().forEachRemaining(e -> line(sb, "env " + e.getKey(), e.getValue().asText()));
        section(sb, "outcome");
        JsonNode o = m.path("outcome");
        if (o.isNull() || o.isMissingNode()) line(sb, "", "not finished (the run is going on, or it was killed)");
        else {
            StringBuilder c = new StringBuilder();
            o.path("counts").fields().forEachRemaining(e -> {
                if (e.getValue().asLong() > 0) c.append(c.length() == 0 ? "" : ", ").append(e.getValue().asLong()).append(' ').append(e.getKey());
            });
            line(sb, "finished", o.path("finished_at").asText() + ": " + (c.length() == 0 ? "no trials" : c));
            line(sb, "results", o.path("results_sha256").asText() + " (" + o.path("trials").asLong() + " trials)");
        }
        return sb.toString();
    }

    private static String describeObjective(JsonNode o) {
        return switch (o.path("kind").asText()) {
            case "class" -> "class " + o.path("class").asText();
            case "command" -> "command " + Canonical.compact(o.path("identity").path("command"));
            default -> o.path("kind").asText();
        };
    }

    private static void entries(StringBuilder sb, JsonNode map) {
        map.fields().forEachRemaining(e -> line(sb, "", e.getKey() + "  " + e.getValue().path("sha256").asText()
                + (e.getValue().has("size") ? "  " + e.getValue().path("size").asLong() + " bytes" : "")));
    }

    private static void section(StringBuilder sb, String name) {
        sb.append('\n').append(name).append('\n');
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append("  ").append(String.format(java.util.Locale.ROOT, "%-10s", key)).append(' ').append(value).append('\n');
    }
}
