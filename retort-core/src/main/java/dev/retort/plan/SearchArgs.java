package dev.retort.plan;

import dev.retort.PlanException;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Map;

/**
 * The entries of one {@code search: {NAME: {...}}} mapping, as a {@link SearchExtension} reads them. Every
 * getter refuses a wrong type or an out-of-range value with a {@link PlanException} naming {@code file:line},
 * the key ({@code search.NAME.KEY}), the value and what is allowed; unknown keys were refused before.
 */
public final class SearchArgs {
    private final Yaml yaml;
    private final Node node;
    private final String key;
    private final Map<String, Node> entries;

    SearchArgs(Yaml yaml, Node node, String key, Map<String, Node> entries) {
        this.yaml = yaml;
        this.node = node;
        this.key = key;
        this.entries = entries;
    }

    /** {@code search.NAME}, the prefix of every key in messages. */
    public String key() {
        return key;
    }

    /** {@code file:line} of the entry, for messages. */
    public String where() {
        return yaml.at(node);
    }

    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** An integer in {@code [min, max]}; {@code dflt} when absent, or refused as missing when {@code dflt} is null. */
    public long integer(String name, long min, long max, Long dflt) {
        Node n = entries.get(name);
        if (n == null) return orDefault(name, dflt, max == Long.MAX_VALUE ? "an integer >= " + min : "an integer from " + min + " to " + max);
        return max == Long.MAX_VALUE ? yaml.integer(n, full(name), min) : yaml.integer(n, full(name), min, max);
    }

    /** A finite number in {@code [min, max]}; {@code dflt} when absent, or refused as missing when null. */
    public double number(String name, double min, double max, Double dflt) {
        Node n = entries.get(name);
        if (n == null) return orDefault(name, dflt, "a number from " + min + " to " + max);
        double v = yaml.number(n, full(name), min);
        if (v > max) throw yaml.error(n, full(name), v, "is too large", "a number from " + min + " to " + max);
        return v;
    }

    /** A number in the open interval {@code (low, high)}; {@code dflt} when absent. */
    public double fraction(String name, double low, double high, double dflt) {
        Node n = entries.get(name);
        if (n == null) return dflt;
        double v = yaml.number(n, full(name), Double.NEGATIVE_INFINITY);
        if (!(v > low && v < high)) throw yaml.error(n, full(name), v, "is out of range", "a number with " + low + " < value < " + high);
        return v;
    }

    public boolean bool(String name, boolean dflt) {
        Node n = entries.get(name);
        return n == null ? dflt : yaml.bool(n, full(name));
    }

    public String string(String name, String dflt) {
        Node n = entries.get(name);
        if (n == null) return orDefault(name, dflt, "a string");
        return yaml.string(n, full(name));
    }

    /** A refusal of the value of {@code name} (or of the whole entry when {@code name} is null). */
    public PlanException error(String name, Object value, String problem, String allowed) {
        Node n = name == null ? null : entries.get(name);
        return yaml.error(n == null ? node : n, name == null ? key : full(name), value, problem, allowed);
    }

    private <T> T orDefault(String name, T dflt, String allowed) {
        if (dflt == null) throw yaml.error(node, full(name), null, "is missing", allowed);
        return dflt;
    }

    private String full(String name) {
        return key + "." + name;
    }
}
