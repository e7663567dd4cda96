package dev.retort.objective;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retort.PlanException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Secret-looking variables of a command objective's {@code env}: names containing {@code PASSWORD},
 * {@code SECRET}, {@code TOKEN} or {@code KEY} (any case). Their values never reach the store or any output:
 * the stored settings hold {@value #REDACTED} instead. A worker process takes the real value from its own
 * environment, where {@code retort run} puts it for the workers it starts; a {@code retort worker} started by
 * hand needs the variable exported (it refuses to start without it). See docs/plan.md, "Secrets".
 */
public final class SecretEnv {
    /** What the store keeps, and what is printed, in place of a secret value. */
    public static final String REDACTED = "<redacted>";

    private SecretEnv() {
    }

    public static boolean isSecret(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.contains("PASSWORD") || n.contains("SECRET") || n.contains("TOKEN") || n.contains("KEY");
    }

    /** A copy of an objective's runtime JSON with every secret {@code env} value replaced by {@link #REDACTED}. */
    public static JsonNode redacted(JsonNode runtime) {
        if (runtime == null || !runtime.path("env").isObject()) return runtime;
        ObjectNode copy = ((ObjectNode) runtime).deepCopy();
        ObjectNode env = (ObjectNode) copy.get("env");
        for (var it = env.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (isSecret(k)) env.put(k, REDACTED);
        }
        return copy;
    }

    /** The real secret values of a runtime JSON that still holds them (for the workers {@code run} starts). */
    public static Map<String, String> values(JsonNode runtime) {
        Map<String, String> out = new LinkedHashMap<>();
        if (runtime == null) return out;
        runtime.path("env").fields().forEachRemaining(e -> {
            if (isSecret(e.getKey()) && !REDACTED.equals(e.getValue().asText())) out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    /**
     * The value to give the command: the stored one, or for a redacted secret the variable of this process's
     * environment ({@code getenv}); refused when it is not set.
     */
    public static String resolve(String name, String stored, UnaryOperator<String> getenv) {
        if (!isSecret(name) || !REDACTED.equals(stored)) return stored;
        String v = getenv.apply(name);
        if (v == null)
            throw PlanException.at(null, "objective.env." + name, null, "is a secret, which Retort does not store, and "
                    + name + " is not set in this worker's environment", "export " + name + " before 'retort worker'"
                    + " (workers started by 'retort run' get it from the plan)");
        return v;
    }
}
