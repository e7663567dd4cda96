package dev.retort.cli;

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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Recommender plans end to end through the CLI: real datasets on disk, real SQLite, real artifacts. */
class RecPlanTest {
    @TempDir
    Path tmp;

    static final String PLAN = """
            experiment: rec
            datasets:
              - name: synth
                source: {synthetic: {users: 300, items: 200, interactions: 6000, seed: 1, timestamps: true}}
                preprocess: [{core: 3}]
                split: {kfold: {folds: 2, by: user, seed: 42}}
              - name: loo
                source: {synthetic: {users: 200, items: 150, interactions: 4000, seed: 2, timestamps: true}}
                split: {leave_one_out: {by: time}}
            algorithms:
              MostPopular: {}
              ItemKNN: {k: [5, 10], similarity: cosine}
            metrics: [METRICS]
            """;

    Path plan(String metrics) throws IOException {
        Path p = tmp.resolve("rec.yaml");
        Files.writeString(p, PLAN.replace("METRICS", metrics));
        return p;
    }

    Cli.Result run(Path plan) {
        return Cli.run("run", plan.toString(), "--dir", tmp.resolve("exp").toString(), "--threads", "--workers", "2", "--no-progress");
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
    void runs_every_dataset_fold_and_config_through_fit_predict_eval_with_one_table_per_dataset() throws Exception {
        Cli.Result r = run(plan("ndcg@10, hr@10"));
        assertThat(r.code()).as(r.toString()).isZero();
        // synth: 2 folds x 3 configs; loo: 1 split x 3 configs
        assertThat(column("SELECT state FROM trial")).hasSize(9).containsOnly("DONE");
        assertThat(column("SELECT phase FROM trial")).containsOnly("EVAL");
        assertThat(r.out()).contains("== synth ==", "== loo ==", " ± ", "2/2", "ndcg@10", "hr@10");
        String loo = r.out().substring(r.out().indexOf("== loo =="), r.out().indexOf("== synth =="));
        assertThat(loo).contains("ItemKNN", "MostPopular").doesNotContain("fold", " ± ");
        assertThat(files("predictions.bin")).hasSize(9);
        assertThat(files("metrics.json")).hasSize(9);
        assertThat(files("model.bin")).hasSize(6); // ItemKNN saves its neighbours; MostPopular has no model file
        assertThat(files("dataset.json")).hasSize(2);
        assertThat(Files.readString(files("dataset.json").get(0))).contains("\"preprocess\"", "\"splits\"", "\"content_key\"");
        assertThat(files("predictions.bin").get(0).toString()).matches(".*/(synth|loo)-[0-9a-f]{32}/(MostPopular|ItemKNN)-[0-9a-f]{32}/fold_\\d/predictions.bin");
    }

    @Test
    void an_interrupted_trial_resumes_at_eval_from_saved_predictions_without_refitting() throws Exception {
        assertThat(run(plan("ndcg@10")).code()).isZero();
        List<Path> preds = files("predictions.bin");
        FileTime before = Files.getLastModifiedTime(preds.get(0));
        // as if every worker died after PREDICT: trials back to PENDING, predictions on disk
        Cli.Result reset = Cli.run("reset", tmp.resolve("exp").toString());
        assertThat(reset.code()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("exp/retort.db")); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE trial SET state = 'PENDING', version = version + 1");
        }
        Cli.Result again = run(plan("ndcg@10"));
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(column("SELECT json_extract(result_json, '$.reused_predictions') FROM trial")).containsOnly("1");
        assertThat(Files.getLastModifiedTime(preds.get(0))).isEqualTo(before);
    }

    @Test
    void new_metrics_re_evaluate_finished_trials_from_predictions_and_never_re_predict() throws Exception {
        assertThat(run(plan("ndcg@10")).code()).isZero();
        FileTime before = Files.getLastModifiedTime(files("predictions.bin").get(0));
        Cli.Result r = run(plan("ndcg@10, mrr@5, recall@20"));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("re-evaluating 9 finished trials");
        assertThat(r.out()).contains("mrr@5", "recall@20");
        assertThat(column("SELECT json_extract(result_json, '$.reused_predictions') FROM trial")).containsOnly("1");
        assertThat(column("SELECT json_extract(result_json, '$.\"mrr@5\"') FROM trial")).doesNotContainNull();
        assertThat(Files.getLastModifiedTime(files("predictions.bin").get(0))).isEqualTo(before);
    }

    @Test
    void predictions_export_as_tsv_and_trec_with_original_ids_and_test_split_as_qrels() throws Exception {
        assertThat(run(plan("ndcg@10")).code()).isZero();
        String dir = tmp.resolve("exp").toString();
        assertThat(Cli.run("predictions", dir, "1", "--format", "tsv", "-o", tmp.resolve("p.tsv").toString()).code()).isZero();
        assertThat(Cli.run("predictions", dir, "1", "--format", "trec", "-o", tmp.resolve("p.trec").toString()).code()).isZero();
        assertThat(Cli.run("predictions", dir, "1", "--format", "qrels", "-o", tmp.resolve("q.qrels").toString()).code()).isZero();
        List<String> tsv = Files.readAllLines(tmp.resolve("p.tsv"));
        assertThat(tsv.get(0)).isEqualTo("user\titem\tscore\trank");
        assertThat(tsv.get(1)).matches("u\\d+\ti\\d+\t[0-9.E-]+\t1");
        assertThat(Files.readAllLines(tmp.resolve("p.trec")).get(0)).matches("u\\d+ Q0 i\\d+ 1 [0-9.E-]+ retort-\\w+");
        assertThat(Files.readAllLines(tmp.resolve("q.qrels")).get(0)).matches("u\\d+ 0 i\\d+ 1");
        Cli.Result bad = Cli.run("predictions", dir, "1", "--format", "xml", "-o", tmp.resolve("x").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--format: 'xml' is not a format of 'predictions'; allowed: tsv, trec, qrels");
    }

    Cli.Result bad(String yaml) throws IOException {
        Path p = tmp.resolve("bad.yaml");
        Files.writeString(p, yaml);
        Cli.Result r = Cli.run("run", p.toString(), "--dir", tmp.resolve("bad-exp").toString(), "--threads", "--no-progress");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("\tat ", "Exception");
        assertThat(tmp.resolve("bad-exp")).doesNotExist();
        return r;
    }

    static String synth(String algorithms, String split) {
        return """
                experiment: bad
                datasets:
                  - name: s
                    source: {synthetic: {users: 50, items: 40, interactions: 500, seed: 1}}
                    split: SPLIT
                algorithms:
                ALGS
                metrics: [ndcg@10]
                """.replace("SPLIT", split).replace("ALGS", algorithms);
    }

    @Test
    void unknown_algorithm_is_a_plan_error_listing_the_known_ones() throws IOException {
        assertThat(bad(synth("  ItemKNNN: {k: 5}", "{leave_one_out: {by: random, seed: 1}}")).err())
                .contains("bad.yaml:", "'ItemKNNN' is not a known algorithm", "ItemKNN", "EASE");
    }

    @Test
    void unknown_parameter_and_negative_k_are_plan_errors_naming_the_key() throws IOException {
        assertThat(bad(synth("  ItemKNN: {neighbours: 5}", "{leave_one_out: {by: random, seed: 1}}")).err())
                .contains("algorithms.ItemKNN.neighbours", "is not a parameter of ItemKNN", "allowed:");
        assertThat(bad(synth("  ItemKNN: {k: [10, -5]}", "{leave_one_out: {by: random, seed: 1}}")).err())
                .contains("algorithms.ItemKNN.k", "-5");
    }

    @Test
    void more_folds_than_a_users_interactions_is_a_plan_error() throws IOException {
        assertThat(bad(synth("  MostPopular: {}", "{kfold: {folds: 40, by: user, seed: 1}}")).err())
                .contains("fold");
    }

    @Test
    void malformed_data_line_names_the_file_and_line() throws IOException {
        Files.writeString(tmp.resolve("data.tsv"), "u1\ti1\t5\t100\nu1\ti2\tfive\t101\n");
        assertThat(bad("""
                experiment: bad
                datasets:
                  - name: f
                    source: {file: data.tsv, format: tsv, columns: {user: 0, item: 1, rating: 2, timestamp: 3}}
                    split: {leave_one_out: {by: time}}
                algorithms: {MostPopular: {}}
                """).err()).contains("data.tsv:2", "five");
    }

    @Test
    void dataset_emptied_by_preprocessing_names_the_dataset_and_step() throws IOException {
        assertThat(bad("""
                experiment: bad
                datasets:
                  - name: tiny
                    source: {synthetic: {users: 50, items: 40, interactions: 500, seed: 1}}
                    preprocess: [{core: 1000}]
                    split: {leave_one_out: {by: random, seed: 1}}
                algorithms: {MostPopular: {}}
                """).err()).contains("tiny", "core");
    }

    @Test
    void unknown_metric_is_a_plan_error_listing_the_allowed_names() throws IOException {
        assertThat(bad(synth("  MostPopular: {}", "{leave_one_out: {by: random, seed: 1}}").replace("ndcg@10", "ndgc@10")).err())
                .contains("'ndgc@10' is not a known metric", "ndcg@K");
    }
}
