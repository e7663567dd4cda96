package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * predictions of a small MostPopular run (popularity counts: many tied scores) as TSV, TREC run and qrels,
 * sealed by golden files; qrels that follow the plan's relevance setting; and the recommender labels in the
 * trial records.
 */
class PredictionsExportTest {
    @TempDir
    static Path tmp;
    static String dir;
    /** A plan with explicit ratings and {@code evaluation.relevance.min_rating: 5}. */
    static String rated;

    @BeforeAll
    static void run() throws Exception {
        Path plan = tmp.resolve("pop.yaml");
        Files.writeString(plan, """
                experiment: pop
                datasets:
                  - name: tiny
                    source: {synthetic: {users: 12, items: 15, interactions: 120, seed: 3, timestamps: true}}
                    split: {leave_one_out: {by: time}}
                algorithms:
                  MostPopular: {}
                metrics: [ndcg@5]
                evaluation: {k: 5}
                """);
        dir = tmp.resolve("exp").toString();
        Cli.Result r = Cli.run("run", plan.toString(), "--dir", dir, "--threads", "--no-progress");
        assertThat(r.code()).as(r.toString()).isZero();
        Path ratedPlan = tmp.resolve("rated.yaml");
        Files.writeString(ratedPlan, """
                experiment: rated
                datasets:
                  - name: stars
                    source: {synthetic: {users: 30, items: 25, interactions: 400, seed: 5, ratings: true}}
                    split: {holdout: {fraction: 0.2, by: user, seed: 7}}
                algorithms:
                  MostPopular: {}
                metrics: [ndcg@5]
                evaluation: {k: 5, relevance: {min_rating: 5}}
                """);
        rated = tmp.resolve("rated").toString();
        Cli.Result r2 = Cli.run("run", ratedPlan.toString(), "--dir", rated, "--threads", "--no-progress");
        assertThat(r2.code()).as(r2.toString()).isZero();
    }

    @Test
    void tsv_trec_and_qrels_match_their_golden_files_under_two_locales() throws Exception {
        for (String[] f : new String[][]{{"tsv", "predictions.tsv"}, {"trec", "predictions.trec"}, {"qrels", "test.qrels"}})
            GoldenFiles.check(f[1], () -> {
                Cli.Result r = Cli.run("predictions", dir, "1", "--format", f[0]);
                assertThat(r.code()).as(r.toString()).isZero();
                return r.out();
            });
    }

    @Test
    void qrels_of_a_plan_with_min_rating_hold_only_the_pairs_rated_at_least_that_under_two_locales() throws Exception {
        GoldenFiles.check("test.min_rating.qrels", () -> {
            Cli.Result r = Cli.run("predictions", rated, "1", "--format", "qrels");
            assertThat(r.code()).as(r.toString()).isZero();
            return r.out();
        });
    }

    @Test
    void ndcg_computed_from_the_exported_run_and_qrels_as_trec_eval_does_equals_retorts_own_with_min_rating() throws Exception {
        Map<String, Set<String>> qrels = new HashMap<>();
        for (String l : Cli.run("predictions", rated, "1", "--format", "qrels").out().lines().toList()) {
            String[] f = l.split(" ");
            assertThat(f[3]).isEqualTo("1");
            qrels.computeIfAbsent(f[0], u -> new HashSet<>()).add(f[2]);
        }
        Map<String, List<String[]>> run = new LinkedHashMap<>();
        for (String l : Cli.run("predictions", rated, "1", "--format", "trec").out().lines().toList())
            run.computeIfAbsent(l.split(" ")[0], u -> new ArrayList<>()).add(l.split(" "));
        // trec_eval's ndcg_cut.5 over the queries in both files: gain = qrels value, discount log2(rank + 1)
        double sum = 0;
        int queries = 0;
        for (Map.Entry<String, Set<String>> q : qrels.entrySet()) {
            List<String[]> docs = new ArrayList<>(run.getOrDefault(q.getKey(), List.of()));
            if (docs.isEmpty()) continue;
            docs.sort(Comparator.<String[]>comparingDouble(l -> -Double.parseDouble(l[4])).thenComparing(l -> l[2], Comparator.reverseOrder()));
            double dcg = 0, ideal = 0;
            for (int i = 0; i < Math.min(5, docs.size()); i++) if (q.getValue().contains(docs.get(i)[2])) dcg += 1 / log2(i + 2);
            for (int i = 0; i < Math.min(5, q.getValue().size()); i++) ideal += 1 / log2(i + 2);
            sum += dcg / ideal;
            queries++;
        }
        JsonNode trial = new ObjectMapper().readTree(Cli.run("export", rated, "--format", "json").out()).get(0);
        assertThat(trial.get("trial").asLong()).isEqualTo(1);
        JsonNode result = trial.get("result");
        assertThat(queries).isEqualTo(result.get("users_evaluated").asInt());
        assertThat(result.get("users_excluded").asInt()).as("the fixture has test users with no item rated 5").isPositive();
        assertThat(sum / queries).isCloseTo(result.get("ndcg@5").asDouble(), within(1e-12));
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void trec_scores_strictly_decrease_so_trec_evals_sort_keeps_retorts_order_despite_tied_model_scores() throws Exception {
        Path tsvFile = tmp.resolve("order.tsv"), trecFile = tmp.resolve("order.trec");
        assertThat(Cli.run("predictions", dir, "1", "--format", "tsv", "-o", tsvFile.toString()).code()).isZero();
        assertThat(Cli.run("predictions", dir, "1", "--format", "trec", "-o", trecFile.toString()).code()).isZero();
        List<String[]> tsv = Files.readAllLines(tsvFile).stream().skip(1).map(l -> l.split("\t")).toList();
        List<String[]> trec = Files.readAllLines(trecFile).stream().map(l -> l.split(" ")).toList();
        assertThat(trec).hasSameSizeAs(tsv);
        boolean ties = false;
        for (int i = 1; i < tsv.size(); i++)
            ties |= tsv.get(i)[0].equals(tsv.get(i - 1)[0]) && tsv.get(i)[2].equals(tsv.get(i - 1)[2]);
        assertThat(ties).as("the fixture has tied model scores within a user's list").isTrue();
        Map<String, List<String[]>> byUser = new LinkedHashMap<>();
        for (String[] l : trec) byUser.computeIfAbsent(l[0], u -> new ArrayList<>()).add(l);
        for (List<String[]> list : byUser.values()) {
            // trec_eval's order: score descending, ties by document id descending (form_res_rels.c)
            List<String[]> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.<String[]>comparingDouble(l -> -Double.parseDouble(l[4])).thenComparing(l -> l[2], Comparator.reverseOrder()));
            assertThat(sorted).extracting(l -> l[3]).as("ranks after trec_eval's sort").isEqualTo(list.stream().map(l -> l[3]).toList());
            for (int i = 1; i < list.size(); i++)
                assertThat(Double.parseDouble(list.get(i)[4])).isLessThan(Double.parseDouble(list.get(i - 1)[4]));
        }
        for (int i = 0; i < tsv.size(); i++) assertThat(trec.get(i)[2]).isEqualTo(tsv.get(i)[1]);
    }

    @Test
    void predictions_without_output_write_to_stdout() {
        Cli.Result r = Cli.run("predictions", dir, "1");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("user\titem\tscore\trank\n");
        Path qrels = tmp.resolve("t.qrels");
        assertThat(Cli.run("predictions", dir, "1", "-o", qrels.toString()).code()).isZero();
        assertThat(qrels).content().isEqualTo(Cli.run("predictions", dir, "1", "--format", "qrels").out());
        Cli.Result bad = Cli.run("predictions", dir, "1", "--format", "csv");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--format: 'csv' is not a format of 'predictions'; allowed: tsv, trec, qrels");
    }

    @Test
    void recommender_trial_records_name_their_dataset_and_fold() throws Exception {
        JsonNode a = new ObjectMapper().readTree(Cli.run("export", dir, "--format", "json").out());
        assertThat(a).isNotEmpty();
        for (JsonNode t : a) {
            assertThat(t.get("dataset").asText()).isEqualTo("tiny");
            assertThat(t.get("fold").asLong()).isZero();
        }
        List<String> header = List.of(Cli.run("export", dir, "--format", "csv").out().lines().findFirst().orElseThrow().split(","));
        assertThat(header).startsWith("trial", "state", "attempt", "dataset", "fold").containsOnlyOnce("dataset");
    }
}
