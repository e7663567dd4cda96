package dev.retort.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values out of range are refused when the plan or the flags are read (exit 2, key or flag, value, allowed range),
 * never clamped and never left for a trial to fail on.
 */
class CliValueBoundsTest {
    @TempDir
    Path tmp;

    static final String OK = """
            experiment: x
            objective: {class: dev.retort.examples.Branin}
            space: {x1: [1], x2: [2]}
            """;

    static String command(String extra) {
        return "experiment: x\nobjective: {command: [sh, -c, 'echo \"{{\\\"value\\\": 1}}\"'], " + extra + "}\nspace: {a: [1]}\n";
    }

    Cli.Result run(String yaml, String... extra) throws Exception {
        Path p = tmp.resolve("bad.yaml");
        Files.writeString(p, yaml);
        String[] args = new String[5 + extra.length];
        args[0] = "run";
        args[1] = p.toString();
        args[2] = "--dir";
        args[3] = tmp.resolve("exp").toString();
        args[4] = "--threads";
        System.arraycopy(extra, 0, args, 5, extra.length);
        return Cli.run(args);
    }

    void assertRefused(Cli.Result r, String... messageParts) {
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(messageParts);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.out()).doesNotContain("trial");
        assertThat(tmp.resolve("exp")).doesNotExist();
    }

    @Test
    void workers_in_the_plan_above_1024_is_refused_not_clamped() throws Exception {
        assertRefused(run(OK + "workers: 100000\n"), "bad.yaml:4: workers: 100000 is too large; allowed: an integer from 1 to 1024");
    }

    @Test
    void workers_flag_above_1024_is_refused_before_any_worker_starts() throws Exception {
        assertRefused(run(OK, "--workers", "100000"), "--workers: 100000 is too large; allowed: an integer from 1 to 1024");
    }

    @Test
    void a_top_level_key_given_twice_is_refused_naming_both_lines() throws Exception {
        assertRefused(run(OK + "experiment: y\n"), "bad.yaml:4: experiment: is a duplicate key (first at line 1); allowed: each key once per mapping");
    }

    @Test
    void a_nested_key_given_twice_is_refused_with_its_path() throws Exception {
        assertRefused(run(OK + "limits:\n  max_trials: 5\n  max_trials: 500\n"), "bad.yaml:6: limits.max_trials: is a duplicate key (first at line 5)");
    }

    @Test
    void a_timeout_that_would_overflow_is_refused() throws Exception {
        assertRefused(run(command("timeout: 200000d")), "bad.yaml:2: objective.timeout: '200000d' is too long; allowed: at most 3650d (10 years)");
    }

    @Test
    void an_env_name_with_equals_is_refused() throws Exception {
        assertRefused(run(command("env: {\"A=B\": x}")), "bad.yaml:2: objective.env.A=B: is not a usable variable name; allowed: a non-empty name without '=' or NUL");
    }

    @Test
    void an_env_name_or_value_with_nul_is_refused() throws Exception {
        assertRefused(run(command("env: {\"A\\0B\": x}")), "objective.env.A\\0B: is not a usable variable name");
        assertRefused(run(command("env: {A: \"x\\0y\"}")), "bad.yaml:2: objective.env.A: contains a NUL character; allowed: a string without NUL");
    }

    @Test
    void a_workdir_that_does_not_exist_is_refused() throws Exception {
        assertRefused(run(command("workdir: nowhere")), "bad.yaml:2: objective.workdir: '" + tmp.resolve("nowhere") + "' does not exist; allowed: an existing directory");
    }

    @Test
    void dir_naming_a_file_is_refused_naming_the_flag() throws Exception {
        Path file = tmp.resolve("exp");
        Files.writeString(file, "not a directory");
        Cli.Result r = run(OK);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--dir: '" + file + "' is a file, not a directory").doesNotContain("\tat ");
        assertThat(file).hasContent("not a directory");

        Path plan = tmp.resolve("bad.yaml");
        Cli.Result under = Cli.run("run", plan.toString(), "--dir", file.resolve("sub").toString(), "--threads");
        assertThat(under.code()).as(under.toString()).isEqualTo(2);
        assertThat(under.err()).contains("--dir: '" + file.resolve("sub") + "' is under " + file + ", which is a file").doesNotContain("\tat ");
    }

    @Test
    void negative_top_is_refused_by_run_and_by_results() throws Exception {
        assertRefused(run(OK, "--top", "-5"), "--top: -5 is too small; allowed: an integer >= 0");
        assertThat(run(OK).code()).isZero();
        Cli.Result r = Cli.run("results", tmp.resolve("exp").toString(), "--top", "-5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--top: -5 is too small; allowed: an integer >= 0");
        assertThat(r.out()).isEmpty();
    }
}
