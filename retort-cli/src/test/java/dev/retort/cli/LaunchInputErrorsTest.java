package dev.retort.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad flags of the launch commands: exit 2, one message naming the flag, the value and what is allowed, nothing written. */
class LaunchInputErrorsTest {
    @TempDir
    Path tmp;

    Path plan, file, logs;

    @BeforeEach
    void setUp() throws Exception {
        plan = tmp.resolve("plan.yaml");
        Files.writeString(plan, "experiment: quickstart\nobjective: {class: org.lab.Elsewhere}\nspace: {x: [1]}\n");
        file = tmp.resolve("out/launch.file");
        logs = tmp.resolve("logs");
    }

    /** {@code retort launch slurm} with good flags, each pair in {@code flags} added or replacing the good value. */
    Cli.Result slurm(String... flags) {
        return launch(List.of("launch", "slurm", plan.toString()), flags, "--store", "postgresql://retort@db.lab/exps",
                "--array", "4", "--workers-per-task", "2", "--logs", logs.toString(), "-o", file.toString());
    }

    Cli.Result k8s(String... flags) {
        return launch(List.of("launch", "k8s", plan.toString()), flags, "--store", "postgresql://retort@db.lab/exps",
                "--image", "retort:1", "--parallelism", "4", "-o", file.toString());
    }

    static Cli.Result launch(List<String> command, String[] flags, String... good) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < good.length; i += 2) m.put(good[i], good[i + 1]);
        for (int i = 0; i < flags.length; i += 2) m.put(flags[i], flags[i + 1]);
        List<String> a = new ArrayList<>(command);
        m.forEach((k, v) -> a.addAll(List.of(k, v)));
        return Cli.run(a.toArray(String[]::new));
    }

    void assertRefused(Cli.Result r, String message) {
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("retort: " + message + "\n");
        assertThat(r.out()).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(logs).doesNotExist();
    }

    @Test
    void the_flags_given_are_accepted_so_each_refusal_below_is_the_flag_it_names() {
        assertThat(slurm().code()).isZero();
        assertThat(k8s().code()).isZero();
    }

    @Test
    void array_of_zero_tasks_is_refused() {
        assertRefused(slurm("--array", "0"), "--array: 0 is too small; allowed: an integer from 1 to 4000001");
    }

    @Test
    void zero_workers_per_task_is_refused() {
        assertRefused(slurm("--workers-per-task", "0"), "--workers-per-task: 0 is too small; allowed: an integer from 1 to 1024");
    }

    @Test
    void a_time_limit_not_in_slurm_form_is_refused() {
        assertRefused(slurm("--time", "4h"), "--time: '4h' is not a Slurm time limit; allowed: HH:MM:SS or D-HH:MM:SS, e.g. 04:00:00 or 2-00:00:00");
        assertRefused(slurm("--time", "04:75:00"), "--time: '04:75:00' is not a Slurm time limit; allowed: HH:MM:SS or D-HH:MM:SS, e.g. 04:00:00 or 2-00:00:00");
        assertRefused(slurm("--time", "1-30:00:00"), "--time: '1-30:00:00' has more than 23 hours after the days; allowed: HH:MM:SS or D-HH:MM:SS,"
                + " e.g. 04:00:00 or 2-00:00:00");
    }

    @Test
    void a_plan_file_that_does_not_exist_is_refused() {
        Path missing = tmp.resolve("nope.yaml");
        Cli.Result r = Cli.run("launch", "slurm", missing.toString(), "--store", "postgresql://db.lab/exps", "--array", "4",
                "--workers-per-task", "2", "--logs", logs.toString(), "-o", file.toString());
        assertRefused(r, missing + ": no such plan file");
    }

    @Test
    void a_plan_without_an_experiment_name_is_refused_as_run_refuses_it() throws Exception {
        Files.writeString(plan, "objective: {class: org.lab.Elsewhere}\n");
        assertRefused(slurm(), plan + ":1: experiment: is missing; allowed: a name: letters, digits, '.', '_' and '-', starting with a letter or digit");
    }

    @Test
    void a_line_breaking_partition_or_memory_is_refused() {
        assertRefused(slurm("--partition", "cpu\n#SBATCH --x"), "--partition: 'cpu\n#SBATCH --x' is not a partition name; allowed: a partition name"
                + " (letters, digits, '.', '_', '-'; ',' between several)");
        assertRefused(slurm("--mem", "16 GB"), "--mem: '16 GB' is not a Slurm memory size; allowed: megabytes, or a number with a unit K, M, G or T, e.g. 16G");
    }

    @Test
    void a_log_directory_that_is_a_file_is_refused() throws Exception {
        Files.writeString(logs, "not a directory");
        Cli.Result r = slurm();
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("retort: --logs: '" + logs + "' is a file, not a directory; allowed: a directory (made if missing),"
                + " e.g. runs/<experiment>\n");
        assertThat(file).doesNotExist();
    }

    @Test
    void submit_without_an_output_file_is_refused() {
        Cli.Result r = Cli.run("launch", "slurm", plan.toString(), "--store", "postgresql://db.lab/exps", "--array", "4",
                "--workers-per-task", "2", "--logs", logs.toString(), "--submit");
        assertRefused(r, "--submit: needs the script in a file; allowed: -o FILE with --submit (sbatch is given FILE)");
    }

    @Test
    void a_bad_experiment_name_is_refused() {
        assertRefused(slurm("--experiment", "../up"), "--experiment: '../up' is not a usable experiment name; allowed: letters, digits,"
                + " '.', '_' and '-', starting with a letter or digit, at most 128");
    }

    @Test
    void k8s_zero_parallelism_and_bad_quantities_are_refused() {
        assertRefused(k8s("--parallelism", "0"), "--parallelism: 0 is too small; allowed: an integer from 1 to 100000");
        assertRefused(k8s("--memory", "4GB"), "--memory: '4GB' is not a memory quantity; allowed: a memory quantity, e.g. 4Gi, 512Mi or 8G");
        assertRefused(k8s("--cpu", "two"), "--cpu: 'two' is not a CPU quantity; allowed: a CPU quantity, e.g. 2, 0.5 or 500m");
    }

    @Test
    void k8s_secret_key_without_a_secret_is_refused() {
        assertRefused(k8s("--secret-key", "pw"), "--secret-key: 'pw' is given without --secret; allowed: --secret NAME --secret-key KEY");
    }

    @Test
    void k8s_refuses_a_directory_store() {
        assertRefused(Cli.run("launch", "k8s", plan.toString(), "--store", "runs/quickstart", "--image", "retort:1", "--parallelism", "4",
                "-o", file.toString()), "--store: 'runs/quickstart' is not a shared store: the pods run on many nodes; allowed: a PostgreSQL store,"
                + " --store postgresql://USER@HOST[:PORT]/DB (docs/hosts.md)");
    }

    @Test
    void launch_without_a_cluster_names_the_two() {
        Cli.Result r = Cli.run("launch");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("retort: launch: missing the cluster; allowed: slurm or k8s\nTry 'retort launch --help'.");
    }

    @Test
    void a_missing_required_flag_points_at_the_nested_command_help() {
        Cli.Result r = Cli.run("launch", "slurm", plan.toString(), "--store", "postgresql://db.lab/exps", "--array", "4");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--workers-per-task", "Try 'retort launch slurm --help'.").doesNotContain("\tat ");
    }
}
