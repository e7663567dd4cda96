package dev.retort.rec.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retort.plan.ObjectSpecJson;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.metric.MetricSpec;
import dev.retort.rec.metric.Relevance;

import java.util.ArrayList;
import java.util.List;

/**
 * How finished predictions are evaluated: the metrics and what counts as relevant. Stored as the objective's
 * runtime {@code evaluation} entry, so changing it re-evaluates finished trials from their saved predictions
 * and is not a changed plan.
 *
 * @param metrics   the metrics computed, the ranking metric among them
 * @param minRating test interactions rated at least this are relevant; null: every test interaction is
 */
record Evaluation(List<MetricSpec> metrics, Double minRating) {
    Evaluation {
        metrics = List.copyOf(metrics);
    }

    Relevance relevance(Interactions test) {
        return minRating == null ? Relevance.of(test) : Relevance.of(test, minRating.floatValue());
    }

    List<String> metricNames() {
        return metrics.stream().map(MetricSpec::toString).toList();
    }

    JsonNode toJson() {
        ObjectNode n = ObjectSpecJson.object();
        metrics.forEach(m -> n.withArray("metrics").add(m.toString()));
        if (minRating != null) n.putObject("relevance").put("min_rating", minRating);
        return n;
    }

    /** Reads {@link #toJson()}; also the list of metric names stored by earlier versions. */
    static Evaluation fromJson(JsonNode n, String planFile) {
        List<String> names = new ArrayList<>();
        (n.isArray() ? n : n.path("metrics")).forEach(m -> names.add(m.asText()));
        JsonNode min = n.path("relevance").path("min_rating");
        return new Evaluation(MetricSpec.parseAll(planFile, "metrics", names), min.isNumber() ? min.asDouble() : null);
    }
}
