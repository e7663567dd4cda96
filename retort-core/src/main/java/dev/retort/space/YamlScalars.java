package dev.retort.space;

import dev.retort.PlanException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.math.BigInteger;
import java.util.StringJoiner;

/** Turns SnakeYAML scalar nodes into canonical config scalars by their resolved tag, and renders nodes for messages. */
final class YamlScalars {
    private static final SafeConstructor CONSTRUCTOR = new SafeConstructor(new LoaderOptions());
    // stateless: they only read the node they are given
    private static final SafeConstructor.ConstructYamlInt INT = CONSTRUCTOR.new ConstructYamlInt();
    private static final SafeConstructor.ConstructYamlFloat FLOAT = CONSTRUCTOR.new ConstructYamlFloat();
    private static final SafeConstructor.ConstructYamlBool BOOL = CONSTRUCTOR.new ConstructYamlBool();
    static final String SCALARS = "a string, an integer, a finite float or a boolean";

    private YamlScalars() {
    }

    static String where(String file, Node node) {
        return file + ":" + (node.getStartMark().getLine() + 1);
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** Long, Double, Boolean or String; null and other tags are refused with a message naming {@code key}. */
    static Object scalar(Node node, String file, String key) {
        if (!(node instanceof ScalarNode s))
            throw PlanException.at(where(file, node), key, show(node), "is not a scalar", SCALARS);
        Tag tag = s.getTag();
        if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP)) return s.getValue();
        if (tag.equals(Tag.BOOL)) return BOOL.construct(s);
        if (tag.equals(Tag.INT)) {
            Object v = INT.construct(s);
            if (v instanceof BigInteger b && b.bitLength() >= 64)
                throw PlanException.at(where(file, node), key, show(s), "is an integer outside the 64-bit range",
                        "-2^63 .. 2^63-1");
            return ((Number) v).longValue();
        }
        if (tag.equals(Tag.FLOAT)) {
            double d = ((Number) FLOAT.construct(s)).doubleValue();
            if (!Double.isFinite(d))
                throw PlanException.at(where(file, node), key, show(s), "is not a finite number", SCALARS);
            return d == 0.0 ? 0.0 : d;
        }
        if (tag.equals(Tag.NULL))
            throw PlanException.at(where(file, node), key, show(s), "is not a level", SCALARS);
        throw PlanException.at(where(file, node), key, show(s), "has the unsupported tag " + tag, SCALARS);
    }

    /** A short flow-style rendering of a node for error messages. */
    static Verbatim show(Node node) {
        return new Verbatim(text(node));
    }

    private static String text(Node node) {
        if (node instanceof ScalarNode s) return isNull(s) ? "null" : s.getValue();
        StringJoiner j;
        if (node instanceof SequenceNode q) {
            j = new StringJoiner(", ", "[", "]");
            for (Node n : q.getValue()) j.add(text(n));
        } else {
            j = new StringJoiner(", ", "{", "}");
            for (NodeTuple t : ((MappingNode) node).getValue()) j.add(text(t.getKeyNode()) + ": " + text(t.getValueNode()));
        }
        return j.toString();
    }
}
