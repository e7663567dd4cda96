package dev.retort.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retort.Objective;

import java.util.Objects;

/**
 * What a worker must build to evaluate trials, as data, so a worker in another process (or on another host)
 * rebuilds it from the store. {@code kind} selects the builder: {@code class}, {@code command}, {@code java}
 * (an in-process object handed to the Java API), or a {@link PlanExtension}'s kind.
 *
 * @param identity what defines the results (class name, argv template, ...): part of the experiment identity;
 *                 a change is refused for an existing experiment
 * @param runtime  what may change between runs without changing results (timeout, class path, environment)
 * @param instance for kind {@code java}: the object itself; null otherwise
 */
public record ObjectiveSpec(String kind, JsonNode identity, JsonNode runtime, Objective instance) {
    static final ObjectMapper JSON = new ObjectMapper();

    public ObjectiveSpec {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(identity);
        if (runtime == null) runtime = JSON.createObjectNode();
    }

    /** An objective object living in this JVM, for the Java API. {@code label} names it in the identity. */
    public static ObjectiveSpec inProcess(Objective objective, String label) {
        ObjectNode id = JSON.createObjectNode().put("java", label);
        return new ObjectiveSpec("java", id, null, objective);
    }

    public static ObjectiveSpec ofClass(String className) {
        return new ObjectiveSpec("class", JSON.createObjectNode().put("class", className), null, null);
    }
}
