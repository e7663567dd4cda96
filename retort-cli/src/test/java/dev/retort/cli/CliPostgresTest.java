package dev.retort.cli;

import dev.retort.cli.ChildRetort.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code retort run --store postgresql://...} end to end in real processes (the run and its worker processes),
 * then status, results, trials, export and reset on the same store; a password in the URL or in PGPASSWORD
 * appears in no line printed and no file written.
 */
class CliPostgresTest {
    @TempDir
    Path tmp;

    private ChildRetort.Result retort(Map<String, String> env, String... args) throws Exception {
        return ChildRetort.run(tmp, env, args);
    }

    private Path plan(String name) throws Exception {
        Path plan = tmp.resolve(name + ".yaml");
        Files.writeString(plan, """
                experiment: %s
                objective: {class: dev.retort.examples.Branin}
                metric: {name: value, goal: minimize}
                space:
                  x1: {linspace: [-5, 10, 6]}
                  x2: {linspace: [0, 15, 5]}
                """.formatted(name));
        return plan;
    }

    @Test
    void run_with_a_store_url_runs_workers_and_status_results_trials_export_reset_read_the_same_store_and_no_password_leaks() throws Exception {
        List<ChildRetort.Result> printed = new ArrayList<>();
        String schema = PostgresServer.freshSchema("cli");
        String withPassword = PostgresServer.url(schema, true);
        ChildRetort.Result run = retort(Map.of(), "run", plan("pgquick").toString(), "--store", withPassword, "--workers", "2", "--no-progress");
        printed.add(run);
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("30 done").contains("postgresql://alice:***@127.0.0.1:");

        // the password only in PGPASSWORD: every other command on the same store
        Map<String, String> pgpassword = Map.of("PGPASSWORD", PostgresServer.PASSWORD);
        String url = PostgresServer.url(schema, false);
        ChildRetort.Result status = retort(pgpassword, "status", "--store", url, "--experiment", "pgquick");
        printed.add(status);
        assertThat(status.code()).as(status.output()).isZero();
        assertThat(status.output()).contains("experiment pgquick (postgresql://alice:***@127.0.0.1:").containsPattern("done\\s+30");
        ChildRetort.Result results = retort(pgpassword, "results", "--store", url, "--experiment", "pgquick", "--format", "csv");
        printed.add(results);
        assertThat(results.code()).as(results.output()).isZero();
        assertThat(results.output().lines().filter(l -> l.matches("^\\d+,.*"))).hasSize(30);
        ChildRetort.Result trials = retort(Map.of("RETORT_STORE", url, "RETORT_STORE_PASSWORD", PostgresServer.PASSWORD), "trials", "--experiment", "pgquick");
        printed.add(trials);
        assertThat(trials.code()).as(trials.output()).isZero();
        assertThat(trials.output().lines().filter(l -> l.contains("DONE"))).hasSize(30);
        Path exported = tmp.resolve("trials.json");
        ChildRetort.Result export = retort(pgpassword, "export", "--store", url, "--experiment", "pgquick", "--format", "json", "-o", exported.toString());
        printed.add(export);
        assertThat(export.code()).as(export.output()).isZero();
        assertThat(Files.readString(exported)).contains("\"x1\"");
        ChildRetort.Result reset = retort(pgpassword, "reset", "--store", url, "--experiment", "pgquick");
        printed.add(reset);
        assertThat(reset.code()).as(reset.output()).isZero();
        assertThat(reset.output()).contains("reset 0 failed and 0 running trials to pending");
        // the run again: nothing to run, the same experiment found by name in the shared schema
        ChildRetort.Result again = retort(pgpassword, "run", plan("pgquick").toString(), "--store", url);
        printed.add(again);
        assertThat(again.code()).as(again.output()).isZero();
        assertThat(again.output()).contains("nothing to run: all 30 trials of 'pgquick' are finished");

        // a wrong password: one message, exit 1, neither password printed
        ChildRetort.Result wrong = retort(Map.of("PGPASSWORD", "not-" + PostgresServer.PASSWORD), "status", "--store", url, "--experiment", "pgquick");
        assertThat(wrong.code()).as(wrong.output()).isEqualTo(1);
        assertThat(wrong.output()).contains("refused user 'alice'").doesNotContain("\tat ").doesNotContain("not-" + PostgresServer.PASSWORD);
        printed.add(wrong);

        for (ChildRetort.Result o : printed) assertThat(o.output()).doesNotContain(PostgresServer.PASSWORD);
        List<Path> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList())
                if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(PostgresServer.PASSWORD)) holding.add(f);
        }
        assertThat(holding).as("files written holding the password").isEmpty();
        assertThat(Files.exists(tmp.resolve("runs/pgquick/logs"))).as("worker logs under the artifact root").isTrue();
    }

    @Test
    void bad_store_flags_are_user_errors_naming_the_flag_and_the_redacted_value() throws Exception {
        ChildRetort.Result scheme = retort(Map.of(), "status", "--store", "mysql://bob:Sekr1t-x@h/db", "--experiment", "e");
        assertThat(scheme.code()).as(scheme.output()).isEqualTo(2);
        assertThat(scheme.output()).contains("--store: 'mysql://bob:***@h/db' has scheme 'mysql'", "allowed: postgresql://")
                .doesNotContain("Sekr1t-x").doesNotContain("\tat ");
        ChildRetort.Result noName = retort(Map.of(), "status", "--store", "postgresql://bob@h/db");
        assertThat(noName.code()).isEqualTo(2);
        assertThat(noName.output()).contains("--experiment: is missing");
        ChildRetort.Result both = retort(Map.of(), "worker", tmp.toString(), "--store", "postgresql://bob@h/db", "--experiment", "e");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.output()).contains("--store: 'postgresql://bob@h/db' is given with the directory");
        ChildRetort.Result unknown = retort(Map.of(), "status", "--store", PostgresServer.url(PostgresServer.freshSchema("none"), true), "--experiment", "nope");
        assertThat(unknown.code()).as(unknown.output()).isEqualTo(2);
        assertThat(unknown.output()).contains("--experiment: 'nope' is not in the store postgresql://alice:***@").doesNotContain(PostgresServer.PASSWORD);
    }

    /**
     * What holds on SQLite holds on PostgreSQL: a recommender plan (phases FIT, PREDICT, EVAL, per-fold trials)
     * gives the same results trial by trial (compared by {@code retort diff} of the two exports), and max_cost
     * stops both at the same cost.
     */
    @Test
    void recommender_plan_phases_and_max_cost_give_the_same_trials_on_postgresql_as_on_sqlite() throws Exception {
        String url = PostgresServer.url(PostgresServer.freshSchema("same"), false);
        Map<String, String> pg = Map.of("PGPASSWORD", PostgresServer.PASSWORD);
        Files.writeString(tmp.resolve("rec.yaml"), """
                experiment: rec-pg
                datasets:
                  - name: synth
                    source: {synthetic: {users: 300, items: 200, interactions: 6000, seed: 1, timestamps: true}}
                    preprocess: [{core: 2}]
                    split: {kfold: {folds: 2, by: user, seed: 42}}
                algorithms:
                  MostPopular: {}
                  ItemKNN: {k: [10, 20], similarity: cosine}
                metrics: [ndcg@10, hr@10]
                """);
        ChildRetort.Result local = retort(Map.of(), "run", "rec.yaml", "--dir", "rec-local", "--workers", "2", "--no-progress");
        assertThat(local.code()).as(local.output()).isZero();
        ChildRetort.Result shared = retort(pg, "run", "rec.yaml", "--store", url, "--artifacts", "rec-pg", "--workers", "2", "--no-progress");
        assertThat(shared.code()).as(shared.output()).isZero();
        assertThat(retort(Map.of(), "export", "rec-local", "-o", "local.json").code()).isZero();
        assertThat(retort(pg, "export", "--store", url, "--experiment", "rec-pg", "-o", "pg.json").code()).isZero();
        ChildRetort.Result diff = retort(Map.of(), "diff", "local.json", "pg.json");
        assertThat(diff.code()).as(diff.output()).isZero();
        assertThat(diff.output()).contains("results: same (6 trials)");
        String pgExport = Files.readString(tmp.resolve("pg.json"));
        assertThat(pgExport).contains("\"phase\" : \"EVAL\"").contains("\"ndcg@10\"").contains("\"fold\"");

        Files.writeString(tmp.resolve("cost.yaml"), """
                experiment: cost-pg
                objective: {command: [sh, -c, 'echo "{{\\"value\\": {a}, \\"cost\\": 2}}"']}
                space: {a: {range: [1, 20]}}
                limits: {max_cost: 7}
                """);
        ChildRetort.Result costLocal = retort(Map.of(), "run", "cost.yaml", "--dir", "cost-local", "--no-progress");
        ChildRetort.Result costPg = retort(pg, "run", "cost.yaml", "--store", url, "--artifacts", "cost-pg", "--no-progress");
        for (ChildRetort.Result r : List.of(costLocal, costPg)) {
            assertThat(r.code()).as(r.output()).isZero();
            assertThat(r.output()).contains("max_cost");
        }
        ChildRetort.Result statusLocal = retort(Map.of(), "status", "cost-local");
        ChildRetort.Result statusPg = retort(pg, "status", "--store", url, "--experiment", "cost-pg");
        for (ChildRetort.Result r : List.of(statusLocal, statusPg))
            assertThat(r.output()).as(r.output()).containsPattern("done\\s+4\\n").containsPattern("pending\\s+15\\n").containsPattern("cost\\s+8\\.0");
    }
}
