package dev.retort.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.plan.PlanJson;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys that differ between two plan descriptions (the stored identity JSON and a new one), one line each:
 * {@code space.b: [1,2,3] -> [1,2,3,5]}. Objects are compared key by key, lists of equal length element by
 * element; anything else that differs is shown whole. A missing side reads {@code (none)}.
 */
final class PlanDiff {
    static final String NONE = "(none)";

    private PlanDiff() {
    }

    static List<String> changes(String storedJson, String newJson) {
        List<String> out = new ArrayList<>();
        walk("", PlanJson.tree(storedJson), PlanJson.tree(newJson), out);
        return out;
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a != null && a.equals(b)) return;
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) walk(path.isEmpty() ? k : path + "." + k, a.get(k), b.get(k), out);
        } else if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size() && containers(a, b)) {
            for (int i = 0; i < a.size(); i++) walk(path + "[" + i + "]", a.get(i), b.get(i), out);
        } else {
            out.add(path + ": " + show(a) + " -> " + show(b));
        }
    }

    /** Lists of objects or lists are compared element-wise; lists of plain values are shown whole (easier to read). */
    private static boolean containers(JsonNode a, JsonNode b) {
        for (Iterator<JsonNode> it = a.elements(); it.hasNext(); ) if (it.next().isContainerNode()) return true;
        for (Iterator<JsonNode> it = b.elements(); it.hasNext(); ) if (it.next().isContainerNode()) return true;
        return false;
    }

    private static String show(JsonNode n) {
        if (n == null || n.isMissingNode()) return NONE;
        String s = n.toString();
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }
}
