package dev.retort.cli;

import dev.retort.Retort;
import dev.retort.space.Domain;
import dev.retort.space.Space;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search strategy from the user's own class path, through the real CLI: registered by a service file on
 * {@code --classpath} it is read from the plan, run by worker processes and rebuilt from the store by every
 * command; given through the Java API without any registration, the read-only commands still work.
 */
class CliCustomSearchTest {
    @TempDir
    Path tmp;

    /** A directory holding only the service file: the class itself is on the test class path. */
    private String registrationDir() throws Exception {
        Path dir = tmp.resolve("userjar");
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("dev.retort.plan.SearchExtension"), CountUpSearch.Registration.class.getName() + "\n");
        return dir.toString();
    }

    private Path plan() throws Exception {
        Path p = tmp.resolve("plan.yaml");
        Files.writeString(p, """
                experiment: counting
                objective: {command: [sh, -c, 'echo "{{\\"value\\": {x}}}"']}
                space: {x: {int: [0, 100]}}
                search: {count_up: {start: 3, step: 2, trials: 5}}
                """);
        return p;
    }

    @Test
    void a_strategy_registered_on_the_classpath_runs_and_every_command_rebuilds_it_from_the_store() throws Exception {
        String cp = registrationDir();
        Path exp = tmp.resolve("exp");
        Cli.Result run = Cli.run("run", plan().toString(), "--dir", exp.toString(), "--workers", "1", "--classpath", cp, "--no-progress");
        assertThat(run.code()).as(run.toString()).isZero();

        Cli.Result trials = Cli.run("trials", exp.toString());
        assertThat(trials.out()).as(trials.toString()).contains("\"x\":3", "\"x\":5", "\"x\":7", "\"x\":9", "\"x\":11").doesNotContain("\"x\":13");
        for (String cmd : new String[]{"status", "results", "export"}) {
            Cli.Result r = Cli.run(cmd, exp.toString());
            assertThat(r.code()).as(cmd + ": " + r).isZero();
            assertThat(r.out() + r.err()).as(cmd).doesNotContain("BUG").contains("11");
        }
        Cli.Result again = Cli.run("worker", exp.toString(), "--classpath", cp);
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("0 trials", "no trials left");
    }

    @Test
    void without_its_registration_the_plan_is_refused_naming_the_key_and_the_registered_strategies() throws Exception {
        Path exp = tmp.resolve("exp");
        Cli.Result r = Cli.run("run", plan().toString(), "--dir", exp.toString(), "--threads");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("plan.yaml:4: search: 'count_up' is not a search strategy", "--classpath",
                "allowed: grid, {random: {trials: N, seed: S}}").doesNotContain("Exception");
        assertThat(exp.resolve("retort.db")).doesNotExist();
    }

    @Test
    void an_unregistered_strategy_from_the_java_api_leaves_status_results_and_export_working_and_a_worker_says_what_to_add() throws Exception {
        Path exp = tmp.resolve("api");
        Retort.experiment("api").space(Space.builder().factor("x", Domain.randint(0, 100)).build())
                .command("sh", "-c", "echo '{{\"value\": {x}}}'").minimize("value").search(new CountUpSearch(1, 1, 4)).dir(exp).run();
        for (String cmd : new String[]{"status", "results", "export"}) {
            Cli.Result r = Cli.run(cmd, exp.toString());
            assertThat(r.code()).as(cmd + ": " + r).isZero();
            assertThat(r.out() + r.err()).as(cmd).doesNotContain("BUG", "not understood");
        }
        Cli.Result w = Cli.run("worker", exp.toString());
        assertThat(w.code()).as(w.toString()).isEqualTo(2);
        assertThat(w.err()).contains("search strategy 'count_up' is registered by no dev.retort.plan.SearchExtension", "--classpath")
                .doesNotContain("Exception");
        Cli.Result joined = Cli.run("worker", exp.toString(), "--classpath", registrationDir());
        assertThat(joined.code()).as(joined.toString()).isZero();
        assertThat(Cli.run("trials", exp.toString()).out()).contains("\"x\":1", "\"x\":4").doesNotContain("\"x\":5");
    }
}
