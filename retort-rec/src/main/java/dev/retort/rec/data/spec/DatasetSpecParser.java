package dev.retort.rec.data.spec;

import dev.retort.PlanException;
import dev.retort.rec.data.SyntheticSpec;
import dev.retort.rec.data.registry.Registry;
import dev.retort.rec.preprocess.StepSpec;
import dev.retort.rec.split.SplitSpec;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a plan's {@code datasets:} list from SnakeYAML's node graph (see docs/data.md for the grammar).
 * Relative file paths are resolved against the plan file's directory. Every mistake is a
 * {@link PlanException} with {@code file:line}, the key path (e.g. {@code datasets[0].split.kfold.folds}),
 * the value and what is allowed.
 */
public final class DatasetSpecParser {
    private DatasetSpecParser() {
    }

    /**
     * @param datasetsNode the value of the {@code datasets:} key
     * @param file         the plan file, for messages and for resolving relative paths
     */
    public static List<DatasetSpec> parse(Node datasetsNode, String file) {
        NodeReader r = new NodeReader(file);
        Path parent = Path.of(file).getParent();
        Path base = parent == null ? Path.of("") : parent;
        List<DatasetSpec> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Node> items = r.sequence(datasetsNode, "datasets");
        for (int i = 0; i < items.size(); i++) {
            String path = "datasets[" + i + "]";
            Node node = items.get(i);
            Map<String, Node> m = r.mapping(node, path, Keys.of("name", "source", "preprocess", "split"));
            if (!m.containsKey("name")) throw r.error(node, path, null, "has no name", "name: <string>");
            String name = r.string(m.get("name"), path + ".name");
            Integer before = seen.put(name, i);
            if (before != null) throw r.error(m.get("name"), path + ".name", name, "is already used by datasets[" + before + "]", "unique names");
            SplitSpec split = m.containsKey("split") ? SplitParser.parse(r, m.get("split"), path + ".split", base) : null;
            SourceSpec source = null;
            if (m.containsKey("source")) {
                source = source(r, m.get("source"), path + ".source", base);
            } else if (!(split instanceof dev.retort.rec.split.Predefined)) {
                throw r.error(node, path, name, "has no source", "source: <registry name> | {file: ...} | {synthetic: ...}");
            }
            List<StepSpec> steps = m.containsKey("preprocess") ? StepParser.parse(r, m.get("preprocess"), path + ".preprocess") : List.of();
            out.add(new DatasetSpec(name, source, steps, split));
        }
        return out;
    }

    private static SourceSpec source(NodeReader r, Node n, String path, Path base) {
        if (n instanceof ScalarNode) {
            String name = r.string(n, path);
            try {
                return new SourceSpec.Registry(Registry.get(null, null, name));
            } catch (PlanException e) {
                throw r.error(n, path, name, "is not a known dataset", String.join(", ",
                        Registry.all().stream().map(x -> x.name()).toList()) + " (or movielens-* aliases), {file: ...}, {synthetic: ...}");
            }
        }
        Map<String, Node> m = r.mapping(n, path, Keys.of("synthetic", "file", "format", "columns", "header", "delimiter", "quoted"));
        if (m.containsKey("synthetic")) {
            if (m.size() != 1) throw r.error(n, path, m.keySet().toString(), "mixes synthetic with file keys", "{synthetic: {...}}");
            return new SourceSpec.Synthetic(synthetic(r, m.get("synthetic"), path + ".synthetic"));
        }
        if (!m.containsKey("file")) throw r.error(n, path, m.keySet().toString(), "names no source kind", "synthetic, file");
        return TableParser.file(r, n, m, path, base);
    }

    private static SyntheticSpec synthetic(NodeReader r, Node n, String path) {
        Map<String, Node> m = r.mapping(n, path, Keys.of("users", "items", "interactions", "seed", "timestamps", "ratings"));
        for (String k : List.of("users", "items", "interactions", "seed")) {
            if (!m.containsKey(k)) throw r.error(n, path, null, "needs " + k, "users, items, interactions, seed [, timestamps, ratings]");
        }
        return new SyntheticSpec(r.intValue(m.get("users"), path + ".users", 1), r.intValue(m.get("items"), path + ".items", 1),
                r.integer(m.get("interactions"), path + ".interactions", 1), r.integer(m.get("seed"), path + ".seed", Long.MIN_VALUE),
                m.containsKey("timestamps") && r.bool(m.get("timestamps"), path + ".timestamps"),
                m.containsKey("ratings") && r.bool(m.get("ratings"), path + ".ratings"));
    }
}
