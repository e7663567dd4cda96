package dev.retort.plan;

import dev.retort.PlanException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads plan YAML as SnakeYAML's node graph, so every value keeps its line for error messages. Helpers here
 * turn nodes into Java values and throw {@link PlanException}s that name {@code file:line}, the key path,
 * the value and what is allowed.
 */
public final class Yaml {
    private final String file;

    public Yaml(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** Parses {@code text}; a syntax error names the line and column. */
    public Node compose(String text) {
        LoaderOptions opts = new LoaderOptions();
        opts.setAllowDuplicateKeys(false);
        opts.setMaxAliasesForCollections(50);
        try {
            Node n = new org.yaml.snakeyaml.Yaml(opts).compose(new StringReader(text));
            if (n == null) throw new PlanException(file + ": the plan is empty; allowed: a YAML mapping with experiment, objective, space, ...");
            refuseDuplicateKeys(n, "", java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
            return n;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            int col = e.getProblemMark() == null ? 0 : e.getProblemMark().getColumn() + 1;
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String ctx = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw new PlanException(file + ":" + line + ":" + col + ": YAML syntax error: " + problem + ctx);
        } catch (YAMLException e) {
            throw new PlanException(file + ": YAML error: " + e.getMessage());
        }
    }

    /**
     * SnakeYAML's composer keeps both entries of a duplicated key (only its object constructor checks), so a
     * second {@code experiment:} or {@code max_trials:} would silently win. Every mapping is checked here, once.
     */
    private void refuseDuplicateKeys(Node n, String path, Set<Node> seen) {
        if (!seen.add(n)) return; // an alias: already checked where its anchor is
        if (n instanceof MappingNode m) {
            Map<String, Node> first = new java.util.HashMap<>();
            for (NodeTuple t : m.getValue()) {
                String name = t.getKeyNode() instanceof ScalarNode ks ? ks.getValue() : null;
                if (name != null) {
                    Node earlier = first.putIfAbsent(name, t.getKeyNode());
                    if (earlier != null)
                        throw error(t.getKeyNode(), join(path, name), null, "is a duplicate key (first at line "
                                + (earlier.getStartMark().getLine() + 1) + ")", "each key once per mapping");
                }
                refuseDuplicateKeys(t.getValueNode(), join(path, name == null ? "?" : name), seen);
            }
        } else if (n instanceof SequenceNode s) {
            List<Node> items = s.getValue();
            for (int i = 0; i < items.size(); i++) refuseDuplicateKeys(items.get(i), path + "[" + i + "]", seen);
        }
    }

    public String at(Node n) {
        return file + ":" + (n.getStartMark().getLine() + 1);
    }

    public PlanException error(Node n, String key, Object value, String problem, String allowed) {
        return PlanException.at(at(n), key, value, problem, allowed);
    }

    /** The mapping's entries in order; refuses keys outside {@code allowed} (null: any key). */
    public Map<String, Node> mapping(Node n, String key, Set<String> allowed) {
        if (!(n instanceof MappingNode m))
            throw error(n, key, describe(n), "is not a mapping", allowed == null ? "a mapping" : "a mapping with keys " + String.join(", ", new TreeSet<>(allowed)));
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks)) throw error(k, key, describe(k), "is not a plain key", "scalar keys");
            String name = ks.getValue();
            if (allowed != null && !allowed.contains(name))
                throw error(k, join(key, name), null, "is not a known key", String.join(", ", new TreeSet<>(allowed)));
            out.put(name, t.getValueNode());
        }
        return out;
    }

    public List<Node> sequence(Node n, String key) {
        if (n instanceof SequenceNode s) return s.getValue();
        throw error(n, key, describe(n), "is not a list", "a YAML list [a, b, ...]");
    }

    public Node require(Map<String, Node> m, Node parent, String parentKey, String name, String allowed) {
        Node n = m.get(name);
        if (n == null) throw error(parent, join(parentKey, name), null, "is missing", allowed);
        return n;
    }

    public String string(Node n, String key) {
        if (n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) return s.getValue();
        throw error(n, key, describe(n), "is not a string", "a string");
    }

    public long integer(Node n, String key, long min) {
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            long v;
            try {
                v = new BigInteger(s.getValue().replace("_", "")).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw error(n, key, s.getValue(), "is not a 64-bit integer", "an integer >= " + min);
            }
            if (v < min) throw error(n, key, v, v < 0 ? "is negative" : "is too small", "an integer >= " + min);
            return v;
        }
        throw error(n, key, describe(n), "is not an integer", "an integer >= " + min);
    }

    /** An integer in {@code [min, max]}; outside it is refused with the range, never clamped. */
    public long integer(Node n, String key, long min, long max) {
        long v = integer(n, key, min);
        if (v > max) throw error(n, key, v, "is too large", "an integer from " + min + " to " + max);
        return v;
    }

    public double number(Node n, String key, double min) {
        if (n instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            double v;
            try {
                v = Double.parseDouble(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                throw error(n, key, s.getValue(), "is not a finite number", "a number >= " + min);
            }
            if (!(v >= min) || Double.isInfinite(v))
                throw error(n, key, s.getValue(), v < 0 ? "is negative" : "is out of range", "a finite number >= " + min);
            return v;
        }
        throw error(n, key, describe(n), "is not a number", "a number >= " + min);
    }

    public boolean bool(Node n, String key) {
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) return Boolean.parseBoolean(s.getValue().toLowerCase());
        throw error(n, key, describe(n), "is not a boolean", "true or false");
    }

    public java.time.Duration duration(Node n, String key) {
        String text = n instanceof ScalarNode s ? s.getValue() : describe(n);
        try {
            return dev.retort.objective.Durations.parse(text);
        } catch (ArithmeticException e) {
            throw error(n, key, text, "is too long", "at most " + dev.retort.objective.Durations.MAX_TEXT);
        } catch (IllegalArgumentException e) {
            throw error(n, key, text, "is not a duration", "e.g. 90s, 10m, 2h, 1h30m, 500ms, or a number of seconds");
        }
    }

    public static String join(String parent, String child) {
        return parent == null || parent.isEmpty() ? child : parent + "." + child;
    }

    public static String describe(Node n) {
        if (n instanceof ScalarNode s) return s.getValue();
        if (n instanceof SequenceNode) return "a list";
        if (n instanceof MappingNode) return "a mapping";
        return String.valueOf(n);
    }
}
