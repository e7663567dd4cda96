package dev.retort.cli;

import dev.retort.plan.Plan;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.store.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The script {@code retort launch slurm} writes, run by bash as Slurm would run one array task (its SLURM_* variables
 * set), against a local experiment directory: its workers are real {@code retort worker} processes.
 */
class SlurmScriptRunTest {
    @TempDir
    Path tmp;

    /** Writes the script for an experiment of {@code objective} with {@code trials} configs, already registered. */
    Path script(Path exp, String objective, int trials) throws Exception {
        Path plan = tmp.resolve("plan.yaml");
        StringBuilder xs = new StringBuilder();
        for (int i = 0; i < trials; i++) xs.append(i == 0 ? "" : ", ").append(i);
        Files.writeString(plan, "experiment: task\nobjective: {class: " + objective + "}\nspace: {x1: [" + xs + "], x2: [1]}\n");
        Plan p = new PlanParser(getClass().getClassLoader()).parse(plan);
        try (Experiment e = Experiment.open(p, exp, Experiment.Mode.STRICT, Clock.systemUTC())) {
            assertThat(e.awaitRegistered(30_000)).isTrue();
        }
        // the launcher the nodes would have on PATH: here the CLI on the test class path
        Path retort = tmp.resolve("bin/retort");
        Files.createDirectories(retort.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.writeString(retort, "#!/bin/sh\nexec " + SlurmScript.quote(java) + " -XX:TieredStopAtLevel=1 -cp "
                + SlurmScript.quote(System.getProperty("java.class.path")) + " " + Main.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(retort, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = tmp.resolve("job.sbatch");
        Cli.Result r = Cli.run("launch", "slurm", plan.toString(), "--store", exp.toString(), "--allow-local-store", "--array", "4",
                "--workers-per-task", "2", "--retort", retort.toString(), "--logs", tmp.resolve("logs").toString(), "-o", file.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        return file;
    }

    Process start(Path file) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).directory(tmp.toFile())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("slurm-77_3.out").toFile());
        pb.environment().put("SLURM_ARRAY_JOB_ID", "77");
        pb.environment().put("SLURM_ARRAY_TASK_ID", "3");
        return pb.start();
    }

    @Test
    void one_array_task_runs_its_workers_until_every_trial_is_done() throws Exception {
        Path exp = tmp.resolve("runs/task");
        Process p = start(script(exp, "dev.retort.examples.Branin", 6));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the task ended").isTrue();
        String out = Files.readString(tmp.resolve("slurm-77_3.out"));
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("task 77_3: started 2 workers", "task 77_3: workers finished, exit 0");
        long done = ChildRun.read(exp, s -> s.counts().get(TrialState.DONE));
        assertThat(done).isEqualTo(6);
        for (String id : List.of("slurm-77_3-1", "slurm-77_3-2"))
            assertThat(Files.readString(tmp.resolve("logs/worker-" + id + ".out"))).startsWith("worker " + id + ": ");
        List<String> workers = ChildRun.read(exp, s -> s.workers().stream().map(w -> w.id()).sorted().toList());
        assertThat(workers).containsExactly("slurm-77_3-1", "slurm-77_3-2");
    }

    @Test
    void sigterm_to_the_task_reaches_its_workers_and_their_trials_go_back_to_pending() throws Exception {
        Path exp = tmp.resolve("runs/task");
        Process p = start(script(exp, BlockingObjective.class.getName(), 4));
        ChildRun.await("two trials running", 60_000, () -> ChildRun.running(exp).size() == 2 ? true : null);
        ChildRun.kill(p.pid(), "TERM"); // what scancel and the time limit do to the batch script
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the task ended after SIGTERM").isTrue();
        String out = Files.readString(tmp.resolve("slurm-77_3.out"));
        assertThat(ChildRun.running(exp)).as(out).isEmpty();
        long pending = ChildRun.read(exp, s -> s.counts().get(TrialState.PENDING));
        assertThat(pending).as(out).isEqualTo(4);
        assertThat(ProcessHandle.allProcesses().filter(h -> h.info().arguments().map(a -> String.join(" ", a).contains(exp.toString()))
                .orElse(false)).toList()).as("no worker left running").isEmpty();
    }
}
