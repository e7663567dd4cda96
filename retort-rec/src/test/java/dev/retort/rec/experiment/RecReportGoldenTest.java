package dev.retort.rec.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.engine.Metric;
import dev.retort.plan.PlanExtension.ReportOptions;
import dev.retort.report.ResultTable;
import dev.retort.space.Config;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files seal every format of the recommender results (table, CSV, JSON, Markdown; per config and per
 * fold), under two locales. Regenerate with {@code -Dretort.golden.update=true} and review the diff.
 */
class RecReportGoldenTest {
    static final List<String> METRICS = List.of("ndcg@10", "hr@10");
    static final Map<String, Integer> FOLDS = Map.of("cv", 2, "loo", 0);
    static final Metric NDCG = Metric.maximize("ndcg@10");

    static TrialRecord trial(long id, Config config, String result) {
        return new TrialRecord(id, config, TrialState.DONE, 1, 3, "w1", null, null, 0, 1000L, 2000L, result,
                null, null, null, "EVAL");
    }

    static String result(double ndcg, double hr, double fit) {
        return String.format(Locale.ROOT, "{\"ndcg@10\":%s,\"hr@10\":%s,\"fit_seconds\":%s,\"predict_seconds\":0.25,\"users_evaluated\":100}",
                ndcg, hr, fit);
    }

    static List<TrialRecord> trials() {
        List<TrialRecord> t = new ArrayList<>();
        t.add(trial(1, Config.of("dataset", "cv", "fold", 0, "algorithm", "MostPopular"), result(0.125, 0.5, 0.01)));
        t.add(trial(2, Config.of("dataset", "cv", "fold", 1, "algorithm", "MostPopular"), result(0.175, 0.55, 0.03)));
        t.add(trial(3, Config.of("dataset", "cv", "fold", 0, "algorithm", "ItemKNN", "k", 5), result(0.25, 0.625, 1.5)));
        t.add(trial(4, Config.of("dataset", "cv", "fold", 1, "algorithm", "ItemKNN", "k", 5), result(0.3125, 0.75, 2.5)));
        t.add(trial(5, Config.of("dataset", "loo", "algorithm", "MostPopular"), result(0.0625, 0.25, 0.02)));
        t.add(trial(6, Config.of("dataset", "loo", "algorithm", "ItemKNN", "k", 5), result(0.1, 0.375, 0.5)));
        return t;
    }

    static String render(ResultTable.Format f, boolean perFold) {
        return RecReport.render(trials(), METRICS, new ReportOptions(f, NDCG, perFold), 100, FOLDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE"})
    void every_format_matches_its_golden_file_per_config_and_per_fold(String locale) throws IOException {
        Locale old = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag(locale));
        try {
            for (ResultTable.Format f : ResultTable.Format.values())
                for (boolean perFold : new boolean[]{false, true})
                    golden(f.name().toLowerCase(Locale.ROOT) + (perFold ? "-folds" : "") + "." + ext(f), render(f, perFold));
        } finally {
            Locale.setDefault(old);
        }
    }

    @Test
    void json_of_several_datasets_is_one_document_whose_rows_name_their_dataset_with_numeric_mean_and_std() throws IOException {
        JsonNode rows = new ObjectMapper().readTree(render(ResultTable.Format.JSON, false));
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(4);
        List<String> datasets = new ArrayList<>();
        rows.forEach(r -> datasets.add(r.get("dataset").asText()));
        assertThat(datasets).containsExactly("cv", "cv", "loo", "loo");
        JsonNode best = rows.get(0);
        assertThat(best.get("algorithm").asText()).isEqualTo("ItemKNN");
        assertThat(best.get("metrics").get("ndcg@10").get("mean").isNumber()).isTrue();
        assertThat(best.get("metrics").get("ndcg@10").get("mean").asDouble()).isEqualTo(0.28125);
        assertThat(best.get("metrics").get("ndcg@10").get("std").asDouble()).isCloseTo(0.0441941738, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(best.get("trials")).hasSize(2);
        assertThat(rows.get(2).get("trial").asLong()).isEqualTo(6);
        assertThat(rows.get(2).get("metrics").get("ndcg@10").asDouble()).isEqualTo(0.1);
    }

    @Test
    void the_algorithm_column_is_the_artifact_directory_name_and_rows_show_trial_ids() {
        String table = render(ResultTable.Format.TABLE, false);
        String dir = RecObjective.algorithmDir("ItemKNN", RecObjective.resolvedParams(Config.of("algorithm", "ItemKNN", "k", 5)), 100);
        assertThat(dir).matches("ItemKNN-[0-9a-f]{32}");
        assertThat(table).contains(dir).contains("3 4").contains("2/2");
        String perFold = render(ResultTable.Format.TABLE, true);
        assertThat(perFold.lines().filter(l -> l.contains(dir))).hasSize(3); // two folds of cv, one loo
    }

    @Test
    void a_minimised_metric_orders_rows_lowest_first() {
        String t = RecReport.render(trials(), METRICS, new ReportOptions(ResultTable.Format.CSV, Metric.minimize("ndcg@10"), false), 100, FOLDS);
        List<String> lines = t.lines().toList();
        assertThat(lines.get(1)).startsWith("cv,1 2,MostPopular");
    }

    private static String ext(ResultTable.Format f) {
        return switch (f) {
            case TABLE -> "txt";
            case CSV -> "csv";
            case JSON -> "json";
            case MARKDOWN -> "md";
            case LATEX -> "tex";
        };
    }

    static void golden(String name, String actual) throws IOException {
        Path source = Path.of("src/test/resources/dev/retort/rec/experiment/golden", name);
        if (Boolean.getBoolean("retort.golden.update")) {
            Files.writeString(source, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = RecReportGoldenTest.class.getResourceAsStream("golden/" + name)) {
            assertThat(in).as("golden file " + name + " (regenerate with -Dretort.golden.update=true)").isNotNull();
            assertThat(actual).as(name).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
