package dev.retort.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The launch files, sealed by golden files under two locales, and what they must never hold: a password. */
class LaunchFilesTest {
    static final String PASSWORD = "s3cr@t/pw";
    static final String STORE = "postgresql://retort:" + PASSWORD + "@db.lab:5432/exps?schema=retort&password=" + PASSWORD;

    @TempDir
    Path tmp;

    Path plan;

    @BeforeEach
    void setUp() throws Exception {
        plan = tmp.resolve("plan.yaml");
        // an objective class no launcher needs: the plan is read only for its experiment name
        Files.writeString(plan, "experiment: quickstart\nobjective: {class: org.lab.NotOnThisClassPath}\nspace: {x: [1, 2]}\n");
    }

    static Cli.Result ok(String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out() + r.err()).doesNotContain(PASSWORD).doesNotContain("s3cr");
        return r;
    }

    String[] slurmFull() {
        return new String[]{"launch", "slurm", plan.toString(), "--store", STORE, "--array", "32", "--workers-per-task", "4",
                "--time", "04:00:00", "--partition", "cpu", "--account", "lab", "--mem", "16G"};
    }

    String[] k8sFull() {
        return new String[]{"launch", "k8s", plan.toString(), "--store", STORE, "--image", "registry.lab/retort:0.1.0",
                "--parallelism", "16", "--completions", "64", "--cpu", "2", "--memory", "4Gi", "--secret", "retort-db", "--secret-key", "pw"};
    }

    @Test
    void slurm_script_with_every_option_matches_its_golden_file() throws Exception {
        GoldenFiles.check("launch-slurm.sbatch", () -> ok(slurmFull()).out());
        assertThat(ok(slurmFull()).err()).contains("the password in --store is not written to the script",
                "PGPASSWORD, ~/.pgpass or RETORT_STORE_PASSWORD");
    }

    @Test
    void slurm_script_with_the_defaults_matches_its_golden_file() throws Exception {
        GoldenFiles.check("launch-slurm-defaults.sbatch", () -> ok("launch", "slurm", plan.toString(),
                "--store", "postgresql://retort@db.lab/exps", "--array", "1", "--workers-per-task", "1").out());
    }

    @Test
    void k8s_manifest_with_every_option_matches_its_golden_file() throws Exception {
        GoldenFiles.check("launch-k8s.yaml", () -> ok(k8sFull()).out());
    }

    @Test
    void k8s_manifest_with_the_defaults_matches_its_golden_file() throws Exception {
        GoldenFiles.check("launch-k8s-defaults.yaml", () -> ok("launch", "k8s", plan.toString(),
                "--store", "postgresql://retort@db.lab/exps", "--image", "retort:latest", "--parallelism", "3",
                "--experiment", "Other_Exp.v2", "--retort", "/opt/retort/bin/retort").out());
    }

    @Test
    void slurm_script_is_valid_bash() throws Exception {
        Path script = tmp.resolve("job.sbatch");
        Files.writeString(script, ok(slurmFull()).out());
        Process p = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void the_output_file_holds_what_stdout_would_and_the_log_directory_is_made() throws Exception {
        Path logs = tmp.resolve("shared/logs");
        Path file = tmp.resolve("job.sbatch");
        String stdout = ok(append(slurmFull(), "--logs", logs.toString())).out();
        Cli.Result r = ok(append(slurmFull(), "--logs", logs.toString(), "-o", file.toString()));
        assertThat(Files.readString(file)).isEqualTo(stdout).contains("#SBATCH --output=" + logs + "/slurm-%A_%a.out");
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("wrote " + file + ": 32 array tasks x 4 workers for experiment quickstart", "sbatch " + file);
        assertThat(logs).isDirectory();
    }

    @Test
    void k8s_manifest_is_an_indexed_job_taking_the_password_from_the_secret() throws Exception {
        Path file = tmp.resolve("job.yaml");
        ok(append(k8sFull(), "-o", file.toString()));
        String text = Files.readString(file);
        assertThat(text).doesNotContain(PASSWORD);
        Map<String, Object> job = new org.yaml.snakeyaml.Yaml().load(text);
        assertThat(job).containsEntry("apiVersion", "batch/v1").containsEntry("kind", "Job");
        Map<String, Object> spec = at(job, "spec");
        assertThat(spec).containsEntry("completionMode", "Indexed").containsEntry("completions", 64).containsEntry("parallelism", 16);
        Map<String, Object> container = ((List<Map<String, Object>>) at(at(spec, "template"), "spec").get("containers")).get(0);
        assertThat(container.get("command")).isEqualTo(List.of("retort", "worker", "--store", "postgresql://retort@db.lab:5432/exps?schema=retort",
                "--experiment", "quickstart"));
        assertThat(container.get("env")).isEqualTo(List.of(Map.of("name", "RETORT_STORE_PASSWORD",
                "valueFrom", Map.of("secretKeyRef", Map.of("name", "retort-db", "key", "pw")))));
        assertThat(at(at(container, "resources"), "limits")).isEqualTo(Map.of("cpu", "2", "memory", "4Gi"));
    }

    @Test
    void k8s_refuses_a_password_in_the_url_without_a_secret_to_take_it_from() {
        Cli.Result r = Cli.run("launch", "k8s", plan.toString(), "--store", STORE, "--image", "retort:1", "--parallelism", "2");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--store: 'postgresql://retort@db.lab:5432/exps?schema=retort with a password' would put the password in the manifest",
                "--secret NAME").doesNotContain(PASSWORD);
    }

    @Test
    void slurm_refuses_a_directory_store_unless_allowed_and_then_runs_the_worker_on_the_directory() {
        Path exp = tmp.resolve("runs/quickstart");
        Cli.Result r = Cli.run("launch", "slurm", plan.toString(), "--store", exp.toString(), "--array", "2", "--workers-per-task", "2");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--store: '" + exp + "' is not a shared store: the array tasks run on many hosts",
                "--store postgresql://USER@HOST[:PORT]/DB", "--allow-local-store");
        Cli.Result allowed = ok("launch", "slurm", plan.toString(), "--store", exp.toString(), "--array", "2", "--workers-per-task", "2",
                "--allow-local-store");
        assertThat(allowed.out()).contains("dir='" + exp + "'", "\"$retort\" worker \"$dir\" --id \"$id\"", "retort run PLAN --dir DIR").doesNotContain("--store");
    }

    @Test
    void k8s_job_names_are_dns_labels_short_enough_for_pod_host_names() {
        assertThat(K8sJob.jobName("Other_Exp.v2")).isEqualTo("retort-other-exp-v2");
        String longName = "a".repeat(40) + "_" + "b".repeat(40);
        assertThat(K8sJob.jobName(longName)).hasSizeLessThanOrEqualTo(52).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        assertThat(K8sJob.labelValue("x".repeat(62) + "._y")).isEqualTo("x".repeat(62));
    }

    @Test
    void store_urls_lose_their_password_wherever_it_is_written() {
        assertThat(StoreUrl.parse("--store", "postgresql://u:p@ss@h:5/db?sslmode=require&password=p&schema=s").withoutPassword())
                .isEqualTo("postgresql://u@h:5/db?sslmode=require&schema=s");
        StoreUrl plain = StoreUrl.parse("--store", "postgres://h/db");
        assertThat(plain.hadPassword()).isFalse();
        assertThat(plain.shared()).isTrue();
        assertThat(StoreUrl.parse("--store", "runs/x").shared()).isFalse();
    }

    /** The example in docs/hosts.md is the golden file, with comments cut: every other line of it is in the golden file. */
    @Test
    void the_slurm_example_in_the_docs_is_taken_from_the_golden_file() throws Exception {
        String doc = Files.readString(CliHelpTest.ROOT.resolve("docs/hosts.md"));
        int start = doc.indexOf("```bash\n#!/bin/bash");
        assertThat(start).as("the example in docs/hosts.md").isNotNegative();
        List<String> example = doc.substring(start + 8, doc.indexOf("```", start + 8)).lines()
                .filter(l -> !l.startsWith("# ")).toList();
        assertThat(example).hasSizeGreaterThan(15);
        assertThat(GoldenFiles.read("launch-slurm.sbatch").lines().toList()).containsAll(example);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    static String[] append(String[] a, String... more) {
        String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }
}
