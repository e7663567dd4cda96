package dev.retort.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code retort launch slurm --submit} in a child JVM whose PATH starts with a directory holding a fake {@code sbatch}:
 * a real executable, started by retort as its own child, that records its working directory and arguments.
 */
class LaunchSubmitTest {
    @TempDir
    Path tmp;

    Path plan, bin, recorded;

    @BeforeEach
    void setUp() throws Exception {
        tmp = tmp.toRealPath();
        plan = tmp.resolve("plan.yaml");
        Files.writeString(plan, "experiment: quickstart\nobjective: {class: org.lab.Elsewhere}\nspace: {x: [1]}\n");
        bin = Files.createDirectories(tmp.resolve("bin"));
        recorded = tmp.resolve("sbatch-args");
    }

    void fakeSbatch(String body) throws Exception {
        Path sbatch = bin.resolve("sbatch");
        Files.writeString(sbatch, "#!/bin/sh\nprintf '%s\\n' \"$PWD\" \"$@\" > '" + recorded + "'\n" + body);
        Files.setPosixFilePermissions(sbatch, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** {@code retort args} in a child JVM started in {@code tmp}, with {@code env} changes (a null value removes the variable). */
    Cli.Result child(Map<String, String> env, String... args) throws Exception {
        Path log = Files.createTempFile(tmp, "child", ".err");
        Path out = Files.createTempFile(tmp, "child", ".out");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectOutput(out.toFile()).redirectError(log.toFile());
        pb.environment().remove(LaunchOptions.STORE_ENV);
        env.forEach((k, v) -> {
            if (v == null) pb.environment().remove(k);
            else pb.environment().put(k, v);
        });
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
        return new Cli.Result(p.exitValue(), Files.readString(out), Files.readString(log));
    }

    Map<String, String> pathWithFake() {
        return Map.of("PATH", bin + ":" + System.getenv("PATH"));
    }

    @Test
    void submit_runs_sbatch_with_the_written_file_and_prints_the_job_id_line() throws Exception {
        fakeSbatch("echo 'Submitted batch job 4242'\n");
        Cli.Result r = child(pathWithFake(), "launch", "slurm", plan.toString(), "--store", "postgresql://retort:hunter2@db.lab/exps",
                "--array", "8", "--workers-per-task", "2", "-o", "job.sbatch", "--submit");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("Submitted batch job 4242\n");
        assertThat(Files.readAllLines(recorded)).containsExactly(tmp.toString(), "job.sbatch");
        assertThat(Files.readString(tmp.resolve("job.sbatch"))).contains("#SBATCH --array=0-7", "store='postgresql://retort@db.lab/exps'")
                .doesNotContain("hunter2");
        assertThat(r.err()).doesNotContain("hunter2");
        assertThat(tmp.resolve("runs/quickstart/logs")).isDirectory(); // where the script's #SBATCH --output points, from this directory
    }

    @Test
    void submit_without_sbatch_on_path_is_a_user_error_and_writes_nothing() throws Exception {
        Cli.Result r = child(Map.of("PATH", bin.toString()), "launch", "slurm", plan.toString(), "--store", "postgresql://db.lab/exps",
                "--array", "8", "--workers-per-task", "2", "-o", "job.sbatch", "--submit");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("retort: --submit: cannot submit: sbatch is not on PATH (" + bin + "); allowed: --submit on a Slurm"
                + " login node where sbatch is installed, or leave out --submit and run sbatch FILE there\n");
        assertThat(tmp.resolve("job.sbatch")).doesNotExist();
        assertThat(tmp.resolve("runs")).doesNotExist();
    }

    @Test
    void sbatch_refusing_the_script_ends_with_exit_1_and_its_message_and_keeps_the_script() throws Exception {
        fakeSbatch("echo 'sbatch: error: invalid partition specified: gpu' >&2\nexit 1\n");
        Cli.Result r = child(pathWithFake(), "launch", "slurm", plan.toString(), "--store", "postgresql://db.lab/exps",
                "--array", "8", "--workers-per-task", "2", "--partition", "gpu", "-o", "job.sbatch", "--submit");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("retort: sbatch job.sbatch failed (exit 1): sbatch: error: invalid partition specified: gpu",
                "the script is kept").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(tmp.resolve("job.sbatch")).exists();
    }

    @Test
    void the_store_comes_from_retort_store_when_no_flag_names_it() throws Exception {
        Cli.Result r = child(Map.of(LaunchOptions.STORE_ENV, "postgresql://retort@db.lab:5433/exps"), "launch", "slurm", plan.toString(),
                "--array", "2", "--workers-per-task", "1");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("store='postgresql://retort@db.lab:5433/exps'");
    }

    @Test
    void no_store_anywhere_is_a_user_error_naming_the_flag_and_the_variable() throws Exception {
        Cli.Result r = child(Map.of(), "launch", "slurm", plan.toString(), "--array", "2", "--workers-per-task", "1", "-o", "job.sbatch");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("retort: --store (or RETORT_STORE): is missing; allowed: a PostgreSQL store URL,"
                + " postgresql://USER@HOST[:PORT]/DB, given here or in RETORT_STORE\n");
        assertThat(tmp.resolve("job.sbatch")).doesNotExist();
        assertThat(tmp.resolve("runs")).doesNotExist();
    }
}
