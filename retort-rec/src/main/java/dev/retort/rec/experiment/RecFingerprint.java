package dev.retort.rec.experiment;

import dev.retort.rec.data.registry.Downloader;
import dev.retort.rec.data.spec.DatasetSpec;
import dev.retort.rec.data.spec.SourceSpec;
import dev.retort.rec.split.SplitSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run's manifest records about a recommender plan's data, from what reading the plan computed
 * ({@link DatasetCache}): per dataset its source (file SHA-256 and size, format and columns), the counts
 * after each preprocessing step and in each split part, the split kind, parameters and seed.
 */
final class RecFingerprint {
    private RecFingerprint() {
    }

    static Map<String, Object> of(List<DatasetSpec> datasets) {
        Map<String, Object> all = new TreeMap<>();
        Map<String, Object> seeds = new TreeMap<>();
        List<Map<String, Object>> files = new ArrayList<>();
        for (DatasetSpec d : datasets) {
            DatasetCache.Prepared p = DatasetCache.get(d, RecSpecs.dataCache()); // loaded while the plan was read
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", source(d.source(), files));
            m.put("rows_read", p.data().rowsRead());
            m.put("duplicates_dropped", p.data().duplicatesDropped());
            m.put("preprocess", p.data().preprocess().stream().map(RecFingerprint::fields).toList());
            m.put("rows", p.data().data().size());
            m.put("users", p.data().data().numUsers());
            m.put("items", p.data().data().numItems());
            m.put("content_key", p.key());
            m.put("split", split(d.split()));
            m.put("split_parts", p.reports().stream().map(RecFingerprint::fields).toList());
            m.put("split_sha256", p.splitHashes());
            all.put(d.name(), m);
            if (d.split() != null && fields(d.split()) instanceof Map<?, ?> f && f.containsKey("seed"))
                seeds.put("datasets." + d.name() + ".split.seed", f.get("seed"));
            if (d.source() instanceof SourceSpec.Synthetic s) seeds.put("datasets." + d.name() + ".source.synthetic.seed", s.spec().seed());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("datasets", all);
        out.put("seeds", seeds);
        out.put("files", files);
        return out;
    }

    private static Map<String, Object> split(SplitSpec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (s == null) return m;
        m.put("kind", s.getClass().getSimpleName());
        m.put("params", fields(s));
        return m;
    }

    private static Map<String, Object> source(SourceSpec s, List<Map<String, Object>> files) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (s instanceof SourceSpec.File f) {
            m.put("kind", "file");
            m.put("format", fields(f.format()));
            m.putAll(file(f.path(), files));
        } else if (s instanceof SourceSpec.Registry r) {
            m.put("kind", "registry");
            m.put("name", r.entry().name());
            m.put("archive_sha256", r.entry().sha256());
            m.put("member", r.entry().memberPath());
            m.put("format", r.entry().format().name());
            Path local = new Downloader(RecSpecs.dataCache()).file(r.entry());
            Map<String, Object> fm = file(local, new ArrayList<>()); // in the data cache, fetched again if missing: not a file to find
            m.put("sha256", fm.get("sha256"));
            m.put("size", fm.get("size"));
        } else if (s instanceof SourceSpec.Synthetic syn) {
            m.put("kind", "synthetic");
            m.put("spec", fields(syn.spec()));
        } else {
            m.put("kind", "predefined");
        }
        return m;
    }

    private static Map<String, Object> file(Path path, List<Map<String, Object>> files) {
        Path abs = path.toAbsolutePath().normalize();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", abs.toString());
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(abs)) {
                byte[] b = new byte[1 << 16];
                for (int n; (n = in.read(b)) > 0; ) md.update(b, 0, n);
            }
            m.put("sha256", HexFormat.of().formatHex(md.digest()));
            m.put("size", Files.size(abs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        files.add(m);
        return m;
    }

    /** A record's components by name (nested records, enums and paths as plain values); other objects as text. */
    static Object fields(Object o) {
        if (o == null || o instanceof Number || o instanceof Boolean || o instanceof String) return o;
        if (o instanceof Enum<?> e) return e.name();
        if (o instanceof List<?> l) return l.stream().map(RecFingerprint::fields).toList();
        if (!o.getClass().isRecord()) return o.toString();
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : o.getClass().getRecordComponents()) {
            try {
                m.put(c.getName(), fields(c.getAccessor().invoke(o)));
            } catch (ReflectiveOperationException e) {
                m.put(c.getName(), String.valueOf(e));
            }
        }
        return m;
    }
}
