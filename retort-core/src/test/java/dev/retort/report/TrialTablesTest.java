package dev.retort.report;

import dev.retort.engine.Metric;
import dev.retort.store.TrialState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Column naming of flat tables: no name is ever used twice, so no value hides another. */
class TrialTablesTest {
    static ExportedTrial trial(long id, Map<String, Object> config, Map<String, Object> result, Map<String, Object> labels) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new ExportedTrial(id, TrialState.DONE, 1, labels, config, result, ((Number) result.get("value")).doubleValue(),
                null, "w", "h", t, t, t.plusMillis(1500), 1.5, null, null);
    }

    @Test
    void parameters_named_like_fixed_columns_get_a_config_prefix_and_results_a_result_prefix() {
        ResultTable t = TrialTables.export(List.of(trial(1, Map.of("state", "on", "seconds", 3),
                Map.of("value", 1.0, "state", "x", "seconds", 9.0, "trial", 7), Map.of())), Metric.minimize("value"));
        assertThat(t.columns()).containsExactly("trial", "state", "attempt", "config.seconds", "config.state", "value",
                "result.seconds", "result.state", "result.trial", "cost", "seconds", "worker", "host", "created", "started",
                "finished", "phase", "error");
        Map<String, Object> row = t.jsonRows().get(0);
        assertThat(row).containsEntry("state", "DONE").containsEntry("config.state", "on").containsEntry("result.state", "x")
                .containsEntry("seconds", 1.5).containsEntry("config.seconds", 3).containsEntry("result.seconds", 9.0)
                .containsEntry("trial", 1L).containsEntry("result.trial", 7);
    }

    @Test
    void a_prefixed_name_that_is_itself_taken_gets_a_number() {
        ResultTable t = TrialTables.results(List.of(trial(1, Map.of("x", 1, "result.x", 2), Map.of("value", 0.5, "x", 3), Map.of())),
                Metric.minimize("value"));
        assertThat(t.columns()).containsExactly("trial", "result.x", "x", "value", "result.x#2", "seconds");
        assertThat(t.rows().get(0)).containsExactly(1L, 2, 1, 0.5, 3, 1.5);
    }

    @Test
    void a_metric_named_like_a_parameter_is_the_result_column_and_the_table_ranks_by_it() {
        ResultTable t = TrialTables.results(List.of(trial(1, Map.of("value", 4), Map.of("value", 0.5), Map.of())), Metric.minimize("value"));
        assertThat(t.columns()).containsExactly("trial", "value", "result.value", "seconds");
        assertThat(t.metricColumn()).isEqualTo("result.value");
    }

    @Test
    void labels_come_first_and_a_parameter_they_repeat_is_not_shown_twice() {
        ResultTable t = TrialTables.results(List.of(trial(1, Map.of("dataset", "ml", "k", 5), Map.of("value", 0.5),
                ordered("dataset", "ml", "fold", 0L))), Metric.maximize("value"));
        assertThat(t.columns()).containsExactly("trial", "dataset", "fold", "k", "value", "seconds");
    }

    @Test
    void rung_and_parent_columns_appear_only_when_some_trial_has_a_rung() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        ExportedTrial base = trial(1, Map.of("x", 1, "epochs", 1), Map.of("value", 0.9), Map.of());
        ExportedTrial promoted = new ExportedTrial(2, TrialState.DONE, 1, Map.of(), Map.of("x", 1, "epochs", 3), Map.of("value", 0.5),
                0.5, null, "w", "h", t, t, t.plusMillis(1500), 1.5, null, null, 1, 1L, 3.0);
        ResultTable r = TrialTables.results(List.of(promoted, base), Metric.minimize("value"));
        assertThat(r.columns()).containsExactly("trial", "rung", "parent", "epochs", "x", "value", "seconds");
        assertThat(r.rows().get(0)).containsExactly(2L, 1, 1L, 3, 1, 0.5, 1.5);
        assertThat(r.rows().get(1)).containsExactly(1L, null, null, 1, 1, 0.9, 1.5);
        ResultTable e = TrialTables.export(List.of(base, promoted), Metric.minimize("value"));
        assertThat(e.columns()).startsWith("trial", "state", "attempt", "rung", "parent", "fidelity", "epochs");
        assertThat(promoted.toJson().keySet()).startsWith("trial", "state", "attempt", "rung", "parent", "fidelity", "config");
        assertThat(base.toJson().keySet()).containsExactlyElementsOf(ExportedTrial.FIELDS);
        assertThat(TrialTables.results(List.of(base), Metric.minimize("value")).columns()).doesNotContain("rung", "parent");
    }

    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void a_table_with_a_duplicate_column_is_a_bug() {
        assertThatThrownBy(() -> new ResultTable(List.of("a", "a"), List.of(), null)).isInstanceOf(dev.retort.BugException.class);
    }

    @Test
    void a_label_named_like_a_record_field_is_a_bug() {
        assertThatThrownBy(() -> trial(1, Map.of(), Map.of("value", 1.0), Map.of("state", "x"))).isInstanceOf(dev.retort.BugException.class);
    }
}
