package dev.retort.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.Retort;
import dev.retort.objective.SecretEnv;
import dev.retort.plan.Plan;
import dev.retort.plan.PlanExtension;
import dev.retort.plan.PlanParser;
import dev.retort.engine.RandomSearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Builds the start-of-run manifest (every section but {@code outcome}); schema in docs/manifest.md. */
final class ManifestBuilder {
    private ManifestBuilder() {
    }

    static Map<String, Object> build(CaptureInput in, CaptureStore store) throws IOException {
        Plan plan = in.read().plan();
        Path planFile = in.planFile().toAbsolutePath().normalize();
        Path planDir = planFile.getParent();
        UnaryOperator<String> redact = redactor(plan);
        Map<String, Object> m = new TreeMap<>();
        m.put("format", Manifest.FORMAT);
        m.put("experiment", plan.name());

        byte[] raw = Files.readAllBytes(planFile);
        String text = redact.apply(new String(raw, StandardCharsets.UTF_8));
        Map<String, Object> p = new TreeMap<>();
        p.put("file", planFile.getFileName().toString());
        p.put("path", planFile.toString());
        p.put("sha256", Canonical.sha256(raw));
        p.put("text", text);
        p.put("text_sha256", Canonical.sha256(text));
        p.put("redacted", !text.equals(new String(raw, StandardCharsets.UTF_8)));
        p.put("resolved", Map.of("identity", Canonical.parse(plan.identityJson(), "plan"),
                "settings", Canonical.parse(plan.settingsJson(), "plan settings")));
        m.put("plan", p);

        Set<Path> code = new LinkedHashSet<>();
        code.add(location(Retort.class));
        for (Class<?> c : in.retortClasses()) code.add(location(c));
        List<PlanExtension> extensions = PlanParser.extensions(in.loader());
        for (PlanExtension e : extensions) code.add(location(e.getClass()));
        code.remove(null);
        Map<String, Object> codeHashes = new TreeMap<>();
        for (Path c : code) codeHashes.put(c.toString(), hashed(c));
        m.put("retort", Map.of("version", Manifest.RETORT_VERSION, "code", codeHashes));

        Map<String, Map<String, Object>> captured = new TreeMap<>();
        for (Path f : in.read().captureFiles()) capture(store, planDir, f, "capture", captured);
        m.put("objective", objective(in, plan, planDir, code, store, captured));
        m.put("captured", captured);

        Map<String, Object> seeds = new TreeMap<>();
        if (plan.search() instanceof RandomSearch r) seeds.put("search.random.seed", r.seed());
        Map<String, Object> dataFiles = new TreeMap<>();
        for (PlanExtension e : extensions) {
            if (!e.kind().equals(plan.objective().kind())) continue;
            Map<String, Object> fp = e.fingerprint(plan.objective().identity(), plan.objective().runtime());
            if (fp.containsKey("datasets")) m.put("datasets", fp.get("datasets"));
            if (fp.get("seeds") instanceof Map<?, ?> s) s.forEach((k, v) -> seeds.put(k.toString(), v));
            if (fp.get("files") instanceof List<?> files)
                for (Object o : files) if (o instanceof Map<?, ?> f) {
                    Path abs = Path.of(f.get("path").toString());
                    dataFiles.put(key(planDir, abs), Map.of("path", abs.toString(), "sha256", f.get("sha256"), "size", f.get("size")));
                }
        }
        m.put("seeds", seeds);
        m.put("data_files", dataFiles);
        m.put("git", GitInfo.of(planDir, redact));
        m.put("host", HostInfo.host());
        m.put("environment", HostInfo.retortEnv(in.env()));
        Map<String, Object> run = new TreeMap<>(in.run());
        run.put("started_at", in.clock().instant().toString());
        run.put("available_processors", Runtime.getRuntime().availableProcessors());
        run.put("common_pool_parallelism", java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
        m.put("run", run);
        m.put("outcome", null);
        return m;
    }

    private static Map<String, Object> objective(CaptureInput in, Plan plan, Path planDir, Set<Path> code, CaptureStore store,
                                                 Map<String, Map<String, Object>> captured) throws IOException {
        JsonNode id = plan.objective().identity(), rt = plan.objective().runtime();
        Map<String, Object> o = new TreeMap<>();
        o.put("kind", plan.objective().kind());
        o.put("identity", id);
        if (plan.objective().kind().equals("class")) {
            String cls = id.path("class").asText();
            o.put("class", cls);
            Map<String, Object> cp = new TreeMap<>();
            for (JsonNode e : rt.path("classpath")) {
                Path abs = Path.of(e.asText());
                cp.put(key(planDir, abs), hashed(abs));
                if (isUnder(planDir, abs)) capture(store, planDir, abs, "classpath", captured);
            }
            for (Path e : in.classpath()) cp.put(e.toAbsolutePath().normalize().toString(), hashed(e.toAbsolutePath().normalize()));
            try {
                Path own = location(Class.forName(cls, false, in.loader()));
                if (own != null && !code.contains(own)) cp.put(own.toString(), hashed(own));
            } catch (ClassNotFoundException | LinkageError e) {
                o.put("class_error", e.toString());
            }
            o.put("classpath", cp);
        } else if (plan.objective().kind().equals("command")) {
            CommandFiles.Found f = CommandFiles.of(id, rt, planDir);
            o.put("program", f.program());
            for (Path file : f.files()) capture(store, planDir, file, "command", captured);
            if (rt.has("workdir")) o.put("workdir", key(planDir, Path.of(rt.get("workdir").asText())));
            if (rt.has("timeout_ms")) o.put("timeout_ms", rt.get("timeout_ms").asLong());
            o.put("env", SecretEnv.redacted(rt).path("env"));
        }
        return o;
    }

    /** Copies a file (every file of a directory) into the capture store, keyed by its path relative to the plan. */
    private static void capture(CaptureStore store, Path planDir, Path file, String why, Map<String, Map<String, Object>> out)
            throws IOException {
        if (Files.isDirectory(file)) {
            try (Stream<Path> s = Files.walk(file)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) capture(store, planDir, f, why, out);
            }
            return;
        }
        Hashing.Hashed h = store.put(file);
        Map<String, Object> e = new TreeMap<>();
        e.put("sha256", h.sha256());
        e.put("size", h.size());
        e.put("why", why);
        out.put(key(planDir, file), e);
    }

    /** A code file or class directory, hashed; a large jar's hash may come from the {@link CodeHashCache}. */
    static Map<String, Object> hashed(Path p) {
        if (!Files.exists(p)) return Map.of("kind", "missing");
        if (Files.isRegularFile(p)) {
            try {
                return Map.of("kind", "file", "sha256", CODE_HASHES.sha256(p), "size", Files.size(p));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        Hashing.Hashed h = Hashing.of(p);
        return Map.of("kind", h.kind(), "sha256", h.sha256(), "size", h.size());
    }

    private static final CodeHashCache CODE_HASHES = CodeHashCache.standard(System.getenv());

    /** A path relative to the plan's directory, with '/'; absolute when it is elsewhere on another root. */
    static String key(Path planDir, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return planDir.relativize(abs).toString().replace('\\', '/');
        } catch (IllegalArgumentException otherRoot) {
            return abs.toString();
        }
    }

    private static boolean isUnder(Path dir, Path p) {
        return p.toAbsolutePath().normalize().startsWith(dir);
    }

    static Path location(Class<?> c) {
        try {
            var src = c.getProtectionDomain().getCodeSource();
            return src == null ? null : Path.of(src.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (Exception e) {
            return null;
        }
    }

    /** Replaces the values of secret-looking {@code env} variables wherever they occur (the plan text, the git diff). */
    static UnaryOperator<String> redactor(Plan plan) {
        List<String> secrets = new ArrayList<>(SecretEnv.values(plan.objective().runtime()).values());
        secrets.removeIf(String::isEmpty);
        secrets.sort((a, b) -> b.length() - a.length());
        return s -> {
            for (String v : secrets) s = s.replace(v, SecretEnv.REDACTED);
            return s;
        };
    }
}
