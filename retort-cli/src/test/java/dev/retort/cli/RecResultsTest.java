package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Recommender results through the CLI: artifact keys, tables, the plan's metric, relevance, rating values. */
class RecResultsTest {
    @TempDir
    Path tmp;

    static final String PLAN = """
            experiment: recres
            datasets:
              - name: cv
                source: {synthetic: {users: 200, items: 120, interactions: 4000, seed: 3, timestamps: true, ratings: true}}
                split: {kfold: {folds: 2, by: user, seed: 42}}
              - name: loo
                source: {synthetic: {users: 150, items: 100, interactions: 3000, seed: 4, timestamps: true, ratings: true}}
                split: {leave_one_out: {by: time}}
            algorithms:
              MostPopular: {}
              ItemKNN: {k: [5, 10]}
            metrics: [METRICS]
            EXTRA""";

    Path plan(String metrics, String extra) throws IOException {
        return Files.writeString(tmp.resolve("rec.yaml"), PLAN.replace("METRICS", metrics).replace("EXTRA", extra));
    }

    Cli.Result run(Path plan) {
        return Cli.run("run", plan.toString(), "--dir", tmp.resolve("exp").toString(), "--threads", "--workers", "2", "--no-progress");
    }

    Cli.Result results(String... flags) {
        List<String> args = new ArrayList<>(List.of("results", tmp.resolve("exp").toString()));
        args.addAll(List.of(flags));
        return Cli.run(args.toArray(String[]::new));
    }

    List<String> column(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("exp/retort.db"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    List<Path> files(String name) throws IOException {
        try (Stream<Path> s = Files.walk(tmp.resolve("exp"))) {
            return s.filter(p -> p.getFileName().toString().equals(name)).sorted().toList();
        }
    }

    @Test
    void artifact_directories_use_128_bit_keys_and_the_tables_show_those_names_and_the_trial_ids() throws Exception {
        assertThat(run(plan("ndcg@10", "")).code()).isZero();
        List<String> algDirs = files("predictions.bin").stream().map(p -> p.getParent().getParent().getFileName().toString()).distinct().toList();
        assertThat(algDirs).hasSize(3).allMatch(d -> d.matches("(MostPopular|ItemKNN)-[0-9a-f]{32}"));
        String table = results().out();
        for (String d : algDirs) assertThat(table).contains(d);
        // default: one row per config on the k-fold dataset, its trial ids and folds done
        String cv = table.substring(table.indexOf("== cv =="), table.indexOf("== loo =="));
        assertThat(cv.lines().filter(l -> l.contains("-") && l.contains("2/2"))).hasSize(3);
        Matcher ids = Pattern.compile("(?m)^(\\d+) (\\d+) +(ItemKNN|MostPopular)-").matcher(cv);
        assertThat(ids.find()).isTrue();
        // the ids shown are the ones predictions takes
        Path out = tmp.resolve("p.tsv");
        assertThat(Cli.run("predictions", tmp.resolve("exp").toString(), ids.group(1), "--format", "tsv", "-o", out.toString()).code()).isZero();
        assertThat(column("SELECT json_extract(config_json, '$.dataset') FROM trial WHERE id = " + ids.group(1))).containsExactly("cv");
        // --folds: one row per fold
        String perFold = results("--folds").out();
        String cvFolds = perFold.substring(perFold.indexOf("== cv =="), perFold.indexOf("== loo =="));
        assertThat(cvFolds.lines().filter(l -> l.matches("\\s*\\d+\\s+(ItemKNN|MostPopular)-.*"))).hasSize(6);
        assertThat(cvFolds).doesNotContain(" ± ");
    }

    @Test
    void results_json_of_a_multi_dataset_plan_is_one_document_with_each_row_naming_its_dataset_and_numbers() throws Exception {
        assertThat(run(plan("ndcg@10, hr@10", "")).code()).isZero();
        Cli.Result r = results("--format", "json");
        assertThat(r.code()).isZero();
        JsonNode rows = new ObjectMapper().readTree(r.out()); // throws if not exactly one document
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(6);
        List<String> ds = new ArrayList<>();
        rows.forEach(row -> ds.add(row.get("dataset").asText()));
        assertThat(ds).containsOnly("cv", "loo").contains("cv", "loo");
        JsonNode cv = rows.get(0);
        assertThat(cv.get("dataset").asText()).isEqualTo("cv");
        assertThat(cv.get("metrics").get("ndcg@10").get("mean").isNumber()).isTrue();
        assertThat(cv.get("metrics").get("ndcg@10").get("std").isNumber()).isTrue();
        JsonNode csvHeader = new ObjectMapper().readTree("\"" + results("--format", "csv").out().lines().findFirst().orElseThrow() + "\"");
        assertThat(csvHeader.asText()).startsWith("dataset,trials,algorithm,artifact,params,folds,ndcg@10,ndcg@10_std");
    }

    @Test
    void the_plans_metric_ranks_the_trials_and_reordering_or_adding_metrics_re_evaluates_without_refitting() throws Exception {
        Cli.Result first = run(plan("ndcg@10, hr@10", "metric: hr@10\n"));
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(column("SELECT metric_name FROM experiment")).containsExactly("hr@10");
        assertThat(column("SELECT metric_goal FROM experiment")).containsExactly("MAXIMIZE");
        // the stored metric of every trial is its hr@10, not the first of metrics
        assertThat(column("SELECT count(*) FROM trial WHERE abs(metric - json_extract(result_json, '$.\"hr@10\"')) < 1e-12")).containsExactly("9");
        assertThat(column("SELECT count(*) FROM trial WHERE abs(metric - json_extract(result_json, '$.\"ndcg@10\"')) < 1e-12")).containsExactly("0");
        FileTime before = Files.getLastModifiedTime(files("predictions.bin").get(0));
        Cli.Result again = run(plan("recall@20, hr@10, ndcg@10", "metric: hr@10\n"));
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.err()).contains("re-evaluating 9 finished trials").doesNotContain("another plan");
        assertThat(column("SELECT json_extract(result_json, '$.reused_predictions') FROM trial")).containsOnly("1");
        assertThat(Files.getLastModifiedTime(files("predictions.bin").get(0))).isEqualTo(before);
        // without a metric: key the ranking metric does not depend on the order of metrics
        Cli.Result other = Cli.run("run", plan("hr@10, recall@10", "").toString(), "--dir", tmp.resolve("exp2").toString(),
                "--threads", "--no-progress");
        assertThat(other.code()).as(other.toString()).isZero();
        Cli.Result reordered = Cli.run("run", plan("recall@10, hr@10", "").toString(), "--dir", tmp.resolve("exp2").toString(),
                "--threads", "--no-progress");
        assertThat(reordered.code()).as(reordered.toString()).isZero();
        assertThat(reordered.err()).doesNotContain("another plan");
    }

    @Test
    void relevance_min_rating_is_a_plan_setting_that_changes_the_metrics_without_refitting() throws Exception {
        assertThat(run(plan("recall@10", "")).code()).isZero();
        List<String> all = column("SELECT json_extract(result_json, '$.users_evaluated') FROM trial ORDER BY id");
        Cli.Result r = run(plan("recall@10", "evaluation: {relevance: {min_rating: 5}}\n"));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("re-evaluating");
        List<String> rated = column("SELECT json_extract(result_json, '$.users_evaluated') FROM trial ORDER BY id");
        assertThat(rated).isNotEqualTo(all); // users with no test item rated 5 drop out
        assertThat(column("SELECT json_extract(result_json, '$.reused_predictions') FROM trial")).containsOnly("1");
    }

    @Test
    void relevance_by_rating_and_values_rating_on_data_without_ratings_are_plan_errors_naming_the_key() throws IOException {
        String implicit = PLAN.replace(", ratings: true", "").replace("METRICS", "ndcg@10");
        Path p1 = Files.writeString(tmp.resolve("p1.yaml"), implicit.replace("EXTRA", "evaluation: {relevance: {min_rating: 4}}\n"));
        Cli.Result r1 = Cli.run("run", p1.toString(), "--dir", tmp.resolve("bad1").toString(), "--threads", "--no-progress");
        assertThat(r1.code()).isEqualTo(2);
        assertThat(r1.err()).contains("p1.yaml:", "evaluation.relevance.min_rating", "needs ratings", "dataset 'cv'").doesNotContain("\tat ");
        Path p2 = Files.writeString(tmp.resolve("p2.yaml"), implicit.replace("EXTRA", "").replace("MostPopular: {}", "ALS: {values: rating, factors: 4}"));
        Cli.Result r2 = Cli.run("run", p2.toString(), "--dir", tmp.resolve("bad2").toString(), "--threads", "--no-progress");
        assertThat(r2.code()).isEqualTo(2);
        assertThat(r2.err()).contains("algorithms.ALS.values", "needs ratings");
        assertThat(tmp.resolve("bad1")).doesNotExist();
        assertThat(tmp.resolve("bad2")).doesNotExist();
    }

    @Test
    void reuse_checks_the_stored_trial_identity_and_refuses_artifacts_that_describe_another_trial() throws Exception {
        assertThat(run(plan("ndcg@10", "")).code()).isZero();
        Path trialJson = files("trial.json").get(0);
        String text = Files.readString(trialJson);
        assertThat(text).contains("\"algorithm_version\"", "\"dataset_key\"", "\"split_sha256\"");
        Files.writeString(trialJson, text.replaceFirst("\"algorithm_version\" : \\d+", "\"algorithm_version\" : 1"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("exp/retort.db")); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE trial SET state = 'PENDING', version = version + 1");
        }
        Cli.Result again = run(plan("ndcg@10", ""));
        assertThat(again.code()).isEqualTo(1);
        assertThat(column("SELECT error FROM trial WHERE state = 'FAILED'")).hasSize(1)
                .allMatch(e -> e.contains("describes another trial") && e.contains("algorithm_version 1"));
        assertThat(column("SELECT count(*) FROM trial WHERE state = 'DONE'")).containsExactly("8");
    }

    @Test
    void loading_a_dataset_prints_one_line_with_its_counts() throws Exception {
        Path p = Files.writeString(tmp.resolve("load.yaml"), """
                experiment: load
                datasets:
                  - name: pre
                    source: {synthetic: {users: 300, items: 150, interactions: 5000, seed: 9, ratings: true}}
                    preprocess: [{implicit: {min_rating: 3}}, {core: 5}]
                    split: {leave_one_out: {by: random, seed: 1}}
                algorithms: {MostPopular: {}}
                """);
        Cli.Result r = Cli.run("run", p.toString(), "--dir", tmp.resolve("load").toString(), "--threads", "--no-progress");
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = r.err().lines().filter(l -> l.startsWith("retort: dataset pre:")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).matches("retort: dataset pre: [\\d,]+ rows read, [\\d,]+ duplicates dropped; "
                + "implicit\\(min_rating=3\\.0\\): -[\\d,]+ rows, -[\\d,]+ users; core\\(5\\): -[\\d,]+ rows, -[\\d,]+ users; "
                + "[\\d,]+ rows, [\\d,]+ users, [\\d,]+ items left \\(loaded in [\\d.]+ s\\)");
    }
}
