package dev.retort.rec.data.spec;

import dev.retort.PlanException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed reads from a SnakeYAML node graph; every error names {@code file:line}, the key path and the value. */
final class NodeReader {
    private final String file;

    NodeReader(String file) {
        this.file = file;
    }

    PlanException error(Node at, String path, Object value, String problem, String allowed) {
        return PlanException.at(file + ":" + (at.getStartMark().getLine() + 1), path, value, problem, allowed);
    }

    /** The entries of a mapping; keys outside {@code allowed} and repeated keys are errors. */
    Map<String, Node> mapping(Node n, String path, Set<String> allowed) {
        if (!(n instanceof MappingNode m)) throw error(n, path, show(n), "is " + describe(n) + ", expected a mapping", String.join(", ", allowed));
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || !allowed.contains(key)) {
                throw error(t.getKeyNode(), path, key == null ? show(t.getKeyNode()) : key, "is not a known key", String.join(", ", allowed));
            }
            if (out.put(key, t.getValueNode()) != null) throw error(t.getKeyNode(), path, key, "is given twice", null);
        }
        return out;
    }

    /** A mapping with exactly one key, naming a kind: {@code {core: 5}}. */
    Map.Entry<String, Node> kind(Node n, String path, Set<String> kinds) {
        Map<String, Node> m = mapping(n, path, kinds);
        if (m.size() != 1) throw error(n, path, m.keySet().toString(), "must have exactly one key", String.join(", ", kinds));
        return m.entrySet().iterator().next();
    }

    List<Node> sequence(Node n, String path) {
        if (!(n instanceof SequenceNode s)) throw error(n, path, show(n), "is " + describe(n) + ", expected a list", null);
        return s.getValue();
    }

    String string(Node n, String path) {
        if (!(n instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) throw error(n, path, show(n), "is " + describe(n) + ", expected a string", null);
        return s.getValue();
    }

    long integer(Node n, String path, long min) {
        if (!(n instanceof ScalarNode s) || !s.getTag().equals(Tag.INT)) throw error(n, path, show(n), "is " + describe(n) + ", expected an integer", "integer >= " + min);
        long v;
        try {
            v = Long.decode(s.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(n, path, s.getValue(), "is out of range", "integer >= " + min);
        }
        if (v < min) throw error(n, path, v, "is too small", "integer >= " + min);
        return v;
    }

    int intValue(Node n, String path, int min) {
        long v = integer(n, path, min);
        if (v > Integer.MAX_VALUE) throw error(n, path, v, "is too large", "integer <= " + Integer.MAX_VALUE);
        return (int) v;
    }

    double number(Node n, String path) {
        if (!(n instanceof ScalarNode s) || !(s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            throw error(n, path, show(n), "is " + describe(n) + ", expected a number", null);
        }
        double v = Double.parseDouble(s.getValue().replace("_", ""));
        if (!Double.isFinite(v)) throw error(n, path, s.getValue(), "is not finite", "a finite number");
        return v;
    }

    /** A fraction in the open interval (0, 1). */
    double fraction(Node n, String path) {
        double v = number(n, path);
        if (!(v > 0 && v < 1)) throw error(n, path, v, "is outside (0, 1)", "0 < fraction < 1");
        return v;
    }

    boolean bool(Node n, String path) {
        if (!(n instanceof ScalarNode s) || !s.getTag().equals(Tag.BOOL)) throw error(n, path, show(n), "is " + describe(n) + ", expected true or false", "true, false");
        String v = s.getValue().toLowerCase(java.util.Locale.ROOT);
        return v.equals("true") || v.equals("yes") || v.equals("on"); // YAML 1.1 spellings SnakeYAML tags as bool
    }

    /** One of {@code allowed} as a string. */
    String choice(Node n, String path, Set<String> allowed) {
        String v = string(n, path);
        if (!allowed.contains(v)) throw error(n, path, v, "is not allowed", String.join(", ", allowed));
        return v;
    }

    static String describe(Node n) {
        if (n instanceof MappingNode) return "a mapping";
        if (n instanceof SequenceNode) return "a list";
        Tag t = n.getTag();
        if (t.equals(Tag.INT)) return "an integer";
        if (t.equals(Tag.FLOAT)) return "a number";
        if (t.equals(Tag.BOOL)) return "a boolean";
        if (t.equals(Tag.NULL)) return "empty";
        return "a string";
    }

    static Object show(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }
}
