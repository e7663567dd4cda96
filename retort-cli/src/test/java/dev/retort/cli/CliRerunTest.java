package dev.retort.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retort.manifest.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code retort run} then {@code retort rerun} from the manifest alone, in real child processes: the plan and
 * the objective script are deleted first; results are bit-identical with 1 and 4 workers; changed code or data
 * is refused with a diff naming it, and {@code --force} runs and reports the differences.
 */
class CliRerunTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void quickstart_rerun_from_the_manifest_alone_is_bit_identical_with_1_and_4_workers() throws Exception {
        Path plan = Files.createDirectories(tmp.resolve("user")).resolve("quickstart.yaml");
        Files.copy(ROOT.resolve("examples/quickstart.yaml"), plan);
        ChildRetort.Result run = ChildRetort.run(tmp, "run", plan.toString(), "--dir", "exp", "--no-progress", "--top", "1");
        assertThat(run.code()).as(run.toString()).isZero();
        Files.delete(plan);
        for (String workers : List.of("1", "4")) {
            ChildRetort.Result r = ChildRetort.run(tmp, "rerun", "exp/manifest.json", "--dir", "again-" + workers, "--workers", workers, "--top", "1");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.output()).contains("identical: 512 trials, every result bit for bit");
            assertThat(Manifest.read(tmp.resolve("again-" + workers)).json().path("outcome").path("results_sha256").asText())
                    .isEqualTo(Manifest.read(tmp.resolve("exp")).json().path("outcome").path("results_sha256").asText());
        }
    }

    @Test
    void command_objective_rerun_rebuilds_the_deleted_script_and_refuses_an_edited_capture() throws Exception {
        Path user = Files.createDirectories(tmp.resolve("user"));
        Files.writeString(user.resolve("obj.sh"), "#!/bin/sh\necho \"{\\\"value\\\": $(( $1 * $1 + 1 ))}\"\n");
        Files.writeString(user.resolve("notes.txt"), "kept with the manifest\n");
        Files.writeString(user.resolve("plan.yaml"), """
                experiment: cmd
                objective: {command: [sh, obj.sh, '{a}']}
                space: {a: [1, 2, 3, 4]}
                capture: [notes.txt]
                """);
        ChildRetort.Result run = ChildRetort.run(tmp, "run", "user/plan.yaml", "--dir", "exp", "--no-progress");
        assertThat(run.code()).as(run.toString()).isZero();
        var m = Manifest.read(tmp.resolve("exp")).json();
        assertThat(m.path("captured").has("obj.sh")).as(m.path("captured").toString()).isTrue();
        assertThat(m.path("captured").has("notes.txt")).isTrue();
        for (Path f : List.of(user.resolve("obj.sh"), user.resolve("plan.yaml"), user.resolve("notes.txt"))) Files.delete(f);

        ChildRetort.Result same = ChildRetort.run(tmp, "rerun", "exp", "--dir", "again", "--workers", "2");
        assertThat(same.code()).as(same.toString()).isZero();
        assertThat(same.output()).contains("identical: 4 trials");

        // edit the captured script: a rebuilt file that is not the recorded one
        Path captured = tmp.resolve("exp/captured").resolve(m.path("captured").path("obj.sh").path("sha256").asText());
        Files.writeString(captured, "#!/bin/sh\necho \"{\\\"value\\\": $(( $1 * $1 + 2 ))}\"\n");
        ChildRetort.Result refused = ChildRetort.run(tmp, "rerun", "exp", "--dir", "edited");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.output()).contains("captured.\"obj.sh\".sha256: \"" + m.path("captured").path("obj.sh").path("sha256").asText() + "\" -> \"")
                .contains("--force").doesNotContain("\tat ");
        assertThat(tmp.resolve("edited/retort.db")).doesNotExist();

        ChildRetort.Result forced = ChildRetort.run(tmp, "rerun", "exp", "--dir", "forced", "--force");
        assertThat(forced.code()).as(forced.toString()).isEqualTo(1);
        assertThat(forced.output()).contains("different: 4 of 4 trials").containsPattern("value\\s+2\\s+3\\s+1\\.00\\s+0\\.500");
        assertThat(Manifest.read(tmp.resolve("forced")).json().path("run").path("accepted_differences").toString()).contains("captured.\\\"obj.sh\\\".sha256");

        ChildRetort.Result diff = ChildRetort.run(tmp, "diff", "exp", "forced", "--format", "json");
        assertThat(diff.code()).as(diff.toString()).isEqualTo(1);
        var d = new ObjectMapper().readTree(diff.output());
        assertThat(d.path("sections").path("code").toString()).contains("captured.\\\"obj.sh\\\".sha256");
        assertThat(d.path("trials")).hasSize(4);
        ChildRetort.Result table = ChildRetort.run(tmp, "diff", "exp", "again");
        assertThat(table.output()).contains("data: same").contains("results: same (4 trials)");
    }

    @Test
    void a_different_retort_jar_hash_is_refused_naming_it_and_force_runs() throws Exception {
        Path user = Files.createDirectories(tmp.resolve("user"));
        Files.writeString(user.resolve("plan.yaml"), """
                experiment: small
                objective: {class: dev.retort.examples.Branin}
                space: {x1: [0.0, 1.0], x2: [2.0]}
                """);
        assertThat(ChildRetort.run(tmp, "run", "user/plan.yaml", "--dir", "exp", "--threads", "--no-progress").code()).isZero();
        Path file = tmp.resolve("exp/manifest.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(file.toFile());
        ObjectNode code = (ObjectNode) m.path("retort").path("code");
        String jar = code.fieldNames().next();
        ((ObjectNode) code.get(jar)).put("sha256", "0".repeat(64));
        Files.writeString(file, json.writeValueAsString(m));
        ChildRetort.Result r = ChildRetort.run(tmp, "rerun", "exp", "--dir", "again");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.output()).contains("retort.code.\"" + jar + "\".sha256: \"" + "0".repeat(64) + "\" -> \"");
        ChildRetort.Result forced = ChildRetort.run(tmp, "rerun", "exp", "--dir", "forced", "--force");
        assertThat(forced.code()).as(forced.toString()).isZero();
        assertThat(forced.output()).contains("accepted with --force: retort.code").contains("identical: 2 trials");
    }

    @Test
    void recommender_rerun_is_bit_identical_with_1_and_4_workers_and_a_changed_rating_is_refused() throws Exception {
        Path user = Files.createDirectories(tmp.resolve("user"));
        List<String> lines = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(5);
        for (int u = 0; u < 60; u++)
            for (int i = 0; i < 12; i++) lines.add(u + "\t" + ((u * 7 + i * 5) % 80) + "\t" + (1 + rnd.nextInt(5)) + "\t" + (1000 + u * 100 + i));
        Files.write(user.resolve("ratings.tsv"), lines);
        Files.writeString(user.resolve("rec.yaml"), """
                experiment: rec-small
                datasets:
                  - name: synth
                    source: {synthetic: {users: 300, items: 200, interactions: 6000, seed: 1, timestamps: true}}
                    preprocess: [{core: 2}]
                    split: {kfold: {folds: 2, by: user, seed: 42}}
                  - name: file
                    source: {file: ratings.tsv, format: tsv}
                    preprocess: [{implicit: {min_rating: 3}}]
                    split: {leave_one_out: {by: time}}
                algorithms:
                  MostPopular: {}
                  ItemKNN: {k: [10], similarity: cosine}
                  ALS: {factors: 8, iterations: 3}
                metrics: [ndcg@10, hr@10, recall@10]
                """);
        ChildRetort.Result run = ChildRetort.run(tmp, "run", "user/rec.yaml", "--dir", "exp", "--no-progress", "--workers", "2");
        assertThat(run.code()).as(run.toString()).isZero();
        var m = Manifest.read(tmp.resolve("exp")).json();
        assertThat(m.path("datasets").path("file").path("source").path("sha256").asText()).hasSize(64);
        assertThat(m.path("seeds").path("datasets.synth.split.seed").asLong()).isEqualTo(42);
        Files.delete(user.resolve("rec.yaml"));
        for (String workers : List.of("1", "4")) {
            ChildRetort.Result r = ChildRetort.run(tmp, "rerun", "exp", "--dir", "again-" + workers, "--workers", workers);
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.output()).contains("identical: 9 trials, every result bit for bit");
        }

        // one rating altered: from at least 3 to 1, so the implicit step drops the row
        int at = 0;
        while (Integer.parseInt(lines.get(at).split("\t")[2]) < 3) at++;
        String[] f = lines.get(at).split("\t");
        lines.set(at, f[0] + "\t" + f[1] + "\t1\t" + f[3]);
        Files.write(user.resolve("ratings.tsv"), lines);
        ChildRetort.Result refused = ChildRetort.run(tmp, "rerun", "exp", "--dir", "changed");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.output()).contains("datasets.file.source.sha256: \"" + m.path("datasets").path("file").path("source").path("sha256").asText())
                .contains("data_files.\"ratings.tsv\".sha256").contains("datasets.file.rows: ");
        ChildRetort.Result forced = ChildRetort.run(tmp, "rerun", "exp", "--dir", "forced", "--force");
        assertThat(forced.code()).as(forced.toString()).isEqualTo(1);
        assertThat(forced.output()).contains("different: ").contains("ndcg@10");
    }

    @Test
    void diff_compares_json_result_exports_with_each_other_and_with_the_experiment_that_made_them() throws Exception {
        Path user = Files.createDirectories(tmp.resolve("user"));
        Files.writeString(user.resolve("plan.yaml"), """
                experiment: exports
                objective: {command: [sh, -c, 'echo "{{\\"value\\": $(( {a} * 3 ))}}"']}
                space: {a: [1, 2, 3]}
                """);
        ChildRetort.Result run = ChildRetort.run(tmp, "run", "user/plan.yaml", "--dir", "exp", "--no-progress");
        assertThat(run.code()).as(run.toString()).isZero();
        ChildRetort.Result export = ChildRetort.run(tmp, "export", "exp", "-o", "a.json");
        assertThat(export.code()).as(export.toString()).isZero();

        // an export against the experiment it came from: timings and trial ids aside, the same results
        ChildRetort.Result same = ChildRetort.run(tmp, "diff", "exp", "a.json");
        assertThat(same.code()).as(same.toString()).isZero();
        assertThat(same.output()).contains("results: same (3 trials)").contains("results only");

        ObjectMapper json = new ObjectMapper();
        var rows = json.readTree(tmp.resolve("a.json").toFile());
        for (var row : rows)
            if (row.path("config").path("a").asInt() == 2) ((ObjectNode) row.path("result")).put("value", 7);
        json.writeValue(tmp.resolve("b.json").toFile(), rows);
        ChildRetort.Result differ = ChildRetort.run(tmp, "diff", "a.json", "b.json", "--format", "json");
        assertThat(differ.code()).as(differ.toString()).isEqualTo(1);
        var doc = json.readTree(differ.output());
        assertThat(doc.path("same").asBoolean()).isFalse();
        assertThat(doc.path("trials")).hasSize(1);
        assertThat(doc.path("trials").get(0).path("config").asText()).isEqualTo("{\"a\":2}");
        assertThat(doc.path("trials").get(0).path("key").asText()).isEqualTo("value");
        assertThat(doc.path("trials").get(0).path("recorded").asText()).isEqualTo("6");
        assertThat(doc.path("trials").get(0).path("found").asText()).isEqualTo("7");

        Files.writeString(tmp.resolve("table.json"), "[{\"dataset\": \"d\", \"metrics\": {}}]");
        ChildRetort.Result refused = ChildRetort.run(tmp, "diff", "a.json", "table.json");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.output()).contains("table.json: entry 1 has no \"config\" object").contains("recommender results table")
                .contains("allowed: the output of 'retort export --format json'").doesNotContain("\tat ");
    }
}
