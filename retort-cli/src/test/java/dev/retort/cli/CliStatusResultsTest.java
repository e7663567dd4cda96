package dev.retort.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What status and results print about a finished experiment, and their exit codes. */
class CliStatusResultsTest {
    @TempDir
    Path tmp;

    Path run(String plan, int expectedCode) throws Exception {
        Path p = tmp.resolve("plan.yaml");
        Files.writeString(p, plan);
        Path exp = tmp.resolve("exp");
        Cli.Result r = Cli.run("run", p.toString(), "--dir", exp.toString(), "--threads", "--workers", "2");
        assertThat(r.code()).as(r.toString()).isEqualTo(expectedCode);
        return exp;
    }

    @Test
    void status_summarises_a_continuous_parameter_as_count_min_max_and_best() throws Exception {
        Path exp = run("""
                experiment: cont
                objective: {class: dev.retort.examples.Branin}
                space: {x1: {uniform: [-5, 10]}, x2: [2.0, 3.0]}
                search: {random: {trials: 40, seed: 3}}
                """, 0);
        Cli.Result r = Cli.run("status", exp.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        String x1 = r.out().lines().filter(l -> l.startsWith("  x1:")).findFirst().orElseThrow();
        assertThat(x1).matches("  x1: 40 values \\(done/total 40/40\\), min -?[0-9.]+, max [0-9.]+, best -?[0-9.E-]+ \\(trial \\d+\\)");
        assertThat(x1.length()).as("one short line, not every value").isLessThan(120);
        assertThat(r.out()).contains("  x2: 2.0=", "3.0=");
    }

    @Test
    void results_exits_0_when_it_printed_results_although_some_trials_failed() throws Exception {
        Path exp = run("""
                experiment: some-fail
                objective: {command: [sh, -c, 'if [ {a} = 2 ]; then exit 4; fi; echo "{{\\"value\\": {a}}}"']}
                space: {a: [1, 2, 3]}
                """, 1);
        Cli.Result r = Cli.run("results", exp.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("FAILED trial 2").contains("exit code 4");
    }
}
