package dev.retort.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.retort.engine.SearchStrategy;
import dev.retort.space.Space;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The registered {@link SearchExtension}s: those on the given class loader plus Retort's own (grid, random,
 * TPE), so a class loader that does not see Retort's service files still finds the built-in ones.
 */
public final class Searches {
    private Searches() {
    }

    /** Every registered strategy by name, Retort's own first; the first registration of a name wins. */
    public static Map<String, SearchExtension> extensions(ClassLoader loader) {
        Map<String, SearchExtension> out = new LinkedHashMap<>();
        List<SearchExtension> found = new ArrayList<>();
        ServiceLoader.load(SearchExtension.class, SearchExtension.class.getClassLoader()).forEach(found::add);
        if (loader != null && loader != SearchExtension.class.getClassLoader())
            ServiceLoader.load(SearchExtension.class, loader).forEach(found::add);
        for (SearchExtension e : found) out.putIfAbsent(e.name(), e);
        return out;
    }

    /** Reads the plan's {@code search:} entry: {@code NAME} or {@code {NAME: {...}}}. */
    static SearchStrategy parse(Yaml y, Node n, Space space, ClassLoader loader) {
        Map<String, SearchExtension> known = extensions(loader);
        String allowed = known.values().stream().map(SearchExtension::usage).collect(Collectors.joining(", "));
        String name;
        Node value = null;
        if (n instanceof ScalarNode s) {
            name = s.getValue();
        } else {
            Map<String, Node> m = y.mapping(n, "search", null);
            if (m.size() != 1) throw y.error(n, "search", null, "names " + m.size() + " strategies", "exactly one of " + allowed);
            name = m.keySet().iterator().next();
            value = m.get(name);
        }
        SearchExtension ext = known.get(name);
        if (ext == null) throw y.error(n, "search", name, "is not a search strategy (none registered by that name;"
                + " one from your own jar needs --classpath)", allowed);
        String key = "search." + name;
        Map<String, Node> entries = value == null || value instanceof ScalarNode s && s.getTag().equals(Tag.NULL)
                ? Map.of() : y.mapping(value, key, ext.keys());
        return ext.parse(new SearchArgs(y, value == null ? n : value, key, entries), space);
    }

    /**
     * Rebuilds the strategy from its stored description ({@code "NAME"} or {@code {"NAME": {...}}}). A name no
     * registration knows gives an {@link UnknownSearch}: it describes itself as stored, so {@code status},
     * {@code results} and {@code export} work, and refuses to propose configs.
     */
    public static SearchStrategy stored(JsonNode n, ClassLoader loader) {
        String name = null;
        JsonNode args = MissingNode.getInstance();
        if (n.isTextual()) name = n.asText();
        else if (n.isObject() && n.size() == 1) {
            name = n.fieldNames().next();
            args = n.get(name);
        }
        SearchExtension ext = name == null ? null : extensions(loader).get(name);
        if (ext == null) return new UnknownSearch(PlanJson.write(n), name, extensions(loader).keySet());
        return ext.stored(args);
    }

    /** The names of the registered strategies, for messages. */
    static Set<String> names(ClassLoader loader) {
        return extensions(loader).keySet();
    }
}
