package dev.retort.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input: exit code 2, one readable line naming the place and what is allowed, no stack trace, nothing created. */
class CliInputErrorsTest {
    @TempDir
    Path tmp;

    static final String OK = """
            experiment: x
            objective: {class: dev.retort.examples.Branin}
            space: {x1: [1], x2: [2]}
            """;

    Cli.Result runPlan(String yaml, String... extra) throws Exception {
        Path p = tmp.resolve("bad.yaml");
        Files.writeString(p, yaml);
        String[] args = new String[4 + extra.length + 1];
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
    void yaml_syntax_error_names_file_line_and_column() throws Exception {
        assertRefused(runPlan("experiment: x\nobjective: {class: dev.retort.examples.Branin\nspace: {x1: [1]}\n"),
                "bad.yaml:3:6: YAML syntax error");
    }

    @Test
    void unknown_top_level_key_lists_the_allowed_keys() throws Exception {
        assertRefused(runPlan(OK + "colour: red\n"),
                "bad.yaml:4: colour: is not a known key; allowed: ", "experiment, limits, metric", "objective, search, space, store, workers");
    }

    @Test
    void wrong_type_for_workers_is_refused() throws Exception {
        assertRefused(runPlan(OK + "workers: many\n"), "bad.yaml:4: workers: 'many' is not an integer; allowed: an integer >= 1");
    }

    @Test
    void empty_space_is_refused() throws Exception {
        assertRefused(runPlan("experiment: x\nobjective: {class: dev.retort.examples.Branin}\nspace: {}\n"),
                "bad.yaml:3: space is empty; allowed: at least one factor");
    }

    @Test
    void objective_class_that_does_not_exist_is_refused() throws Exception {
        assertRefused(runPlan(OK.replace("examples.Branin", "examples.Nope")),
                "bad.yaml:2: objective.class: 'dev.retort.examples.Nope' is not on the classpath");
    }

    @Test
    void negative_limit_is_refused() throws Exception {
        assertRefused(runPlan(OK + "limits: {max_trials: -5}\n"),
                "bad.yaml:4: limits.max_trials: -5 is negative; allowed: an integer >= 0");
    }

    @Test
    void placeholder_naming_no_parameter_is_refused_with_the_parameters_allowed() throws Exception {
        assertRefused(runPlan("experiment: x\nobjective: {command: [echo, \"--lr={lr}\"]}\nspace: {b: [1], a: [2]}\n"),
                "bad.yaml:2: objective.command[1]: '--lr={lr}' names no parameter 'lr'; allowed: a, b");
    }

    @Test
    void zero_workers_flag_is_refused() throws Exception {
        assertRefused(runPlan(OK, "--workers", "0"), "--workers: 0 is too small; allowed: an integer from 1 to 1024");
    }

    @Test
    void missing_plan_file_is_refused() throws Exception {
        Cli.Result r = Cli.run("run", tmp.resolve("nope.yaml").toString(), "--dir", tmp.resolve("exp").toString());
        assertRefused(r, "nope.yaml: no such plan file");
    }

    @Test
    void unknown_results_format_is_refused() throws Exception {
        Cli.Result made = runPlan(OK);
        assertThat(made.code()).as(made.toString()).isZero();
        Cli.Result r = Cli.run("results", tmp.resolve("exp").toString(), "--format", "xml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--format: 'xml' is not a format of 'results'; allowed: table, csv, json, markdown")
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void results_of_a_directory_without_an_experiment_is_refused_and_creates_nothing() {
        Cli.Result r = Cli.run("results", tmp.resolve("exp").toString());
        assertRefused(r, "no experiment here");
    }

    static final String PRIOR_PLAN = """
            experiment: x
            objective: {class: dev.retort.examples.Branin}
            search: {random: {trials: 5, seed: 1}}
            space:
              x1: {uniform: [-5, 10], prior: PRIOR}
              x2: {uniform: [0, 15]}
            """;

    @Test
    void a_prior_outside_its_distribution_or_with_an_unknown_confidence_is_refused() throws Exception {
        assertRefused(runPlan(PRIOR_PLAN.replace("PRIOR", "{value: 12, confidence: high}")),
                "bad.yaml:5: space.x1.prior.value: 12 is not in the domain of uniform; allowed: a number in [-5.0, 10.0]");
        assertRefused(runPlan(PRIOR_PLAN.replace("PRIOR", "{value: 3, confidence: certain}")),
                "bad.yaml:5: space.x1.prior.confidence: 'certain' is not a confidence; allowed: low, medium, high");
        assertRefused(runPlan(PRIOR_PLAN.replace("{uniform: [-5, 10], prior: PRIOR}", "{linspace: [-5, 10, 4], prior: {value: 0.0, confidence: low}}")),
                "bad.yaml:5: space.x1.prior: is beside {linspace: ...}, which is not a distribution; allowed: a prior only on uniform, loguniform, int or choice");
    }

    @Test
    void a_plan_with_a_prior_runs_and_a_changed_prior_is_a_different_experiment() throws Exception {
        Path p = tmp.resolve("prior.yaml");
        Files.writeString(p, PRIOR_PLAN.replace("PRIOR", "{value: 3, confidence: high}"));
        Cli.Result r = Cli.run("run", p.toString(), "--dir", tmp.resolve("exp2").toString(), "--threads");
        assertThat(r.code()).as(r.toString()).isEqualTo(0);
        Files.writeString(p, PRIOR_PLAN.replace("PRIOR", "{value: 3, confidence: low}"));
        Cli.Result again = Cli.run("run", p.toString(), "--dir", tmp.resolve("exp2").toString(), "--threads");
        assertThat(again.code()).as(again.toString()).isEqualTo(2);
        assertThat(again.err()).contains("was started with another plan")
                .contains("space.x1.prior.confidence: \"high\" -> \"low\"");
    }
}
