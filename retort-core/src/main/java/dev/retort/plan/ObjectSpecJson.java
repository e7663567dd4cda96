package dev.retort.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small factory for the JSON trees inside {@link ObjectiveSpec}s. */
public final class ObjectSpecJson {
    private ObjectSpecJson() {
    }

    public static ObjectNode object() {
        return ObjectiveSpec.JSON.createObjectNode();
    }

    public static ArrayNode array() {
        return ObjectiveSpec.JSON.createArrayNode();
    }
}
