package dev.retort.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retort.BugException;
import dev.retort.engine.Goal;
import dev.retort.engine.Limits;
import dev.retort.engine.Metric;
import dev.retort.engine.SearchStrategy;
import dev.retort.space.Space;
import dev.retort.store.StoreSettings;

import java.time.Duration;

/**
 * Plan to and from the JSON kept in the store, so that {@code retort worker DIR} rebuilds the exact plan the
 * experiment was started with. The identity JSON has a fixed key order and the space's own canonical
 * (declaration-ordered) JSON.
 */
public final class PlanJson {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private PlanJson() {
    }

    static String identity(Plan p) {
        ObjectNode n = JSON.createObjectNode();
        n.set("metric", JSON.createObjectNode().put("name", p.metric().name()).put("goal", p.metric().goal().name().toLowerCase()));
        ObjectNode o = JSON.createObjectNode().put("kind", p.objective().kind());
        o.set("spec", p.objective().identity());
        n.set("objective", o);
        n.set("search", read(p.search().describe()));
        n.set("space", read(p.space().toJson()));
        return write(n);
    }

    static String settings(Plan p) {
        ObjectNode n = JSON.createObjectNode();
        n.set("objective_runtime", dev.retort.objective.SecretEnv.redacted(p.objective().runtime()));
        Limits l = p.limits();
        ObjectNode lim = n.putObject("limits");
        if (l.maxTrials() != null) lim.put("max_trials", l.maxTrials());
        if (l.maxTrialsPerRun() != null) lim.put("max_trials_per_run", l.maxTrialsPerRun());
        lim.put("count_running", l.countRunning());
        if (l.maxCost() != null) lim.put("max_cost", l.maxCost());
        if (l.wallTime() != null) lim.put("wall_time_ms", l.wallTime().toMillis());
        n.putObject("store").put("lease_ms", p.store().lease().toMillis())
                .put("heartbeat_ms", p.store().heartbeat().toMillis()).put("max_attempts", p.store().maxAttempts());
        n.put("workers", p.workers());
        return write(n);
    }

    /** Rebuilds a plan from the store's two JSON texts (for worker processes). */
    public static Plan fromStored(String name, String identityJson, String settingsJson) {
        return fromStored(name, identityJson, settingsJson, Thread.currentThread().getContextClassLoader());
    }

    /**
     * Rebuilds a plan from the store's two JSON texts; the search strategy is found among the
     * {@link SearchExtension}s on {@code loader} (an unregistered one becomes an {@link UnknownSearch}).
     */
    public static Plan fromStored(String name, String identityJson, String settingsJson, ClassLoader loader) {
        JsonNode id = read(identityJson);
        JsonNode st = read(settingsJson == null ? "{}" : settingsJson);
        Metric metric = new Metric(id.path("metric").path("name").asText(),
                Goal.valueOf(id.path("metric").path("goal").asText("minimize").toUpperCase()));
        ObjectiveSpec obj = new ObjectiveSpec(id.path("objective").path("kind").asText(), id.path("objective").path("spec"),
                st.path("objective_runtime").isMissingNode() ? null : st.path("objective_runtime"), null);
        Space space = Space.fromJson(write(id.path("space")));
        SearchStrategy search = Searches.stored(id.path("search"), loader);
        JsonNode l = st.path("limits");
        Limits limits = new Limits(
                l.has("max_trials") ? l.get("max_trials").asLong() : null,
                l.has("max_trials_per_run") ? l.get("max_trials_per_run").asLong() : null,
                l.path("count_running").asBoolean(true),
                l.has("max_cost") ? l.get("max_cost").asDouble() : null,
                l.has("wall_time_ms") ? Duration.ofMillis(l.get("wall_time_ms").asLong()) : null);
        JsonNode s = st.path("store");
        StoreSettings store = s.isMissingNode() ? StoreSettings.DEFAULTS : new StoreSettings(
                Duration.ofMillis(s.path("lease_ms").asLong()), Duration.ofMillis(s.path("heartbeat_ms").asLong()),
                s.path("max_attempts").asInt());
        return new Plan(name, space, obj, metric, search, limits, store, st.path("workers").asInt(1));
    }

    public static JsonNode tree(String json) {
        return read(json);
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BugException("not JSON: " + json, e);
        }
    }

    static String write(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new BugException("cannot write JSON", e);
        }
    }

    /** Indented JSON, one value per line, for readable diffs. */
    public static String pretty(String json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(read(json));
        } catch (JsonProcessingException e) {
            throw new BugException("cannot write JSON", e);
        }
    }
}
