package dev.retort.cli;

import dev.retort.cli.ChildRetort.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code retort store copy} in real processes: a local experiment into a PostgreSQL store and from there into a
 * new directory, every trial with its state, attempt, version, result and phase the same (the exports match
 * line for line); an existing experiment is refused without {@code --replace}; bad arguments are user errors.
 */
class CliStoreCopyTest {
    @TempDir
    Path tmp;

    private ChildRetort.Result retort(String... args) throws Exception {
        return ChildRetort.run(tmp, Map.of("PGPASSWORD", PostgresServer.PASSWORD), args);
    }

    /** The export without the one thing a copy cannot keep: where the experiment lives. */
    private String export(String... where) throws Exception {
        List<String> args = new ArrayList<>(List.of("export"));
        args.addAll(List.of(where));
        args.addAll(List.of("--format", "json"));
        ChildRetort.Result o = retort(args.toArray(String[]::new));
        assertThat(o.code()).as(o.output()).isZero();
        return o.output();
    }

    @Test
    void a_local_experiment_copied_to_postgresql_and_back_keeps_every_trial_record() throws Exception {
        Path plan = tmp.resolve("copyme.yaml");
        Files.writeString(plan, """
                experiment: copyme
                objective: {class: dev.retort.examples.Branin}
                space:
                  x1: {linspace: [-5, 10, 4]}
                  x2: {linspace: [0, 15, 5]}
                """);
        ChildRetort.Result run = retort("run", plan.toString(), "--dir", "a", "--workers", "2", "--no-progress");
        assertThat(run.code()).as(run.output()).isZero();
        String original = export("a");
        assertThat(original).contains("\"state\"").contains("\"attempt\"");

        String url = PostgresServer.url(PostgresServer.freshSchema("copy"), false);
        ChildRetort.Result toPg = retort("store", "copy", "a", url);
        assertThat(toPg.code()).as(toPg.output()).isZero();
        assertThat(toPg.output()).contains("copied experiment 'copyme' (20 trials: 20 done)").contains("postgresql://alice:***@127.0.0.1:")
                .doesNotContain(PostgresServer.PASSWORD);
        assertThat(export("--store", url, "--experiment", "copyme")).isEqualTo(original);
        ChildRetort.Result status = retort("status", "--store", url, "--experiment", "copyme");
        assertThat(status.code()).as(status.output()).isZero();
        assertThat(status.output()).containsPattern("done\\s+20");

        ChildRetort.Result back = retort("store", "copy", url, "b", "--experiment", "copyme");
        assertThat(back.code()).as(back.output()).isZero();
        assertThat(export("b")).isEqualTo(original);

        // the copy is a store like any other: running the plan on it finds nothing left to do
        ChildRetort.Result again = retort("run", plan.toString(), "--store", url, "--no-progress");
        assertThat(again.code()).as(again.output()).isZero();
        assertThat(again.output()).contains("20 done");

        ChildRetort.Result twice = retort("store", "copy", "a", url);
        assertThat(twice.code()).as(twice.output()).isEqualTo(2);
        assertThat(twice.output()).contains("holds an experiment 'copyme' already").contains("--replace").doesNotContain("\tat ");
        ChildRetort.Result replaced = retort("store", "copy", "a", url, "--replace");
        assertThat(replaced.code()).as(replaced.output()).isZero();
        assertThat(replaced.output()).contains("replacing the one there");
        assertThat(export("--store", url, "--experiment", "copyme")).isEqualTo(original);
    }

    @Test
    void logs_take_a_store_url_and_experiment_and_find_the_trial_under_the_artifacts() throws Exception {
        Path plan = tmp.resolve("echo.yaml");
        Files.writeString(plan, """
                experiment: echo
                objective: {command: ["sh", "-c", "echo hello-{i}; echo '{{\\"value\\": {i}}}'"]}
                space: {i: [1, 2, 3]}
                """);
        String url = PostgresServer.url(PostgresServer.freshSchema("logs"), false);
        ChildRetort.Result run = retort("run", plan.toString(), "--store", url, "--artifacts", "art", "--workers", "1", "--no-progress");
        assertThat(run.code()).as(run.output()).isZero();
        ChildRetort.Result logs = retort("logs", "2", "--store", url, "--experiment", "echo", "--artifacts", "art");
        assertThat(logs.code()).as(logs.output()).isZero();
        assertThat(logs.output()).contains("hello-2").doesNotContain("hello-1");
        ChildRetort.Result noStore = retort("logs", "2");
        assertThat(noStore.code()).as(noStore.output()).isEqualTo(2);
        assertThat(noStore.output()).contains("DIR").contains("is missing").doesNotContain("\tat ");
        ChildRetort.Result badTrial = retort("logs", "x2", "--store", url, "--experiment", "echo", "--artifacts", "art");
        assertThat(badTrial.code()).as(badTrial.output()).isEqualTo(2);
        assertThat(badTrial.output()).contains("TRIAL").contains("x2").contains("is not a trial id");
    }

    @Test
    void run_register_only_registers_every_trial_and_runs_none() throws Exception {
        Path plan = tmp.resolve("reg.yaml");
        Files.writeString(plan, "experiment: reg\nobjective: {class: dev.retort.examples.Noop}\nspace: {i: {range: [0, 5000]}}\n");
        String url = PostgresServer.url(PostgresServer.freshSchema("reg"), false);
        ChildRetort.Result reg = retort("run", plan.toString(), "--store", url, "--register-only");
        assertThat(reg.code()).as(reg.output()).isZero();
        assertThat(reg.output()).contains("registered 5000 trials of 'reg'").contains("(5000 pending, 0 finished)")
                .contains("retort worker --store postgresql://alice@127.0.0.1:");
        ChildRetort.Result status = retort("status", "--store", url, "--experiment", "reg");
        assertThat(status.output()).containsPattern("pending\\s+5000");
        ChildRetort.Result worker = retort("worker", "--store", url, "--experiment", "reg", "--artifacts", "reg-art");
        assertThat(worker.code()).as(worker.output()).isZero();
        assertThat(retort("status", "--store", url, "--experiment", "reg").output()).containsPattern("done\\s+5000");
    }

    @Test
    void copying_from_a_directory_without_a_store_or_naming_a_missing_experiment_is_a_user_error() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        ChildRetort.Result none = retort("store", "copy", "empty", "c");
        assertThat(none.code()).as(none.output()).isEqualTo(2);
        assertThat(none.output()).contains("SRC").contains("holds no store (no retort.db)").doesNotContain("\tat ");
        assertThat(tmp.resolve("c")).doesNotExist();

        String url = PostgresServer.url(PostgresServer.freshSchema("copyerr"), false);
        ChildRetort.Result missing = retort("store", "copy", url, "d", "--experiment", "nosuch");
        assertThat(missing.code()).as(missing.output()).isEqualTo(2);
        assertThat(missing.output()).contains("holds no experiment 'nosuch'").doesNotContain("\tat ");
    }
}
