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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * predictions of a small MostPopular run (popularity counts: many tied scores) as TSV, TREC run and qrels,
 * sealed by golden files; and the recommender labels in the trial records.
 */
class PredictionsExportTest {
    @TempDir
    static Path tmp;
    static String dir;

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
