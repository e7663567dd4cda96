package dev.retort.cli;

import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code retort run} watches its worker processes: deaths are reported and repaired, and its workers die with it. */
class CliSupervisionTest {
    @TempDir
    Path tmp;
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        started.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void java_trial_that_halts_its_worker_every_time_ends_failed_after_max_attempts_and_the_rest_finish() throws Exception {
        Path plan = tmp.resolve("halt.yaml");
        Files.writeString(plan, """
                experiment: halting
                objective: {class: dev.retort.cli.HaltingObjective}
                space: {a: [1, 2, 3, 4]}
                store: {max_attempts: 3}
                """);
        Path exp = tmp.resolve("exp");
        Cli.Result r = Cli.run("run", plan.toString(), "--dir", exp.toString(), "--workers", "1", "--no-progress");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        Map<Long, TrialRecord> t = CliInterruptTest.byId(exp);
        assertThat(t.get(2L).state()).isEqualTo(TrialState.FAILED);
        assertThat(t.get(2L).attempt()).isEqualTo(3);
        assertThat(t.get(2L).error()).contains("died (exit code 7) during attempt 3; gave up after 3 attempts (store.max_attempts)");
        assertThat(List.of(t.get(1L), t.get(3L), t.get(4L))).allSatisfy(x -> assertThat(x.state()).isEqualTo(TrialState.DONE));
        assertThat(r.err()).containsPattern("worker \\S+-w1 died: exit code 7; its log: \\S+worker-\\S+-w1\\.err")
                .contains("in its place (replacement 1 of at most 3)")
                .contains("retort: 1 trials FAILED");
    }

    @Test
    void command_trial_that_kills_its_worker_is_reported_with_the_signal_and_ends_failed() throws Exception {
        Path plan = tmp.resolve("kill.yaml");
        Files.writeString(plan, """
                experiment: parricide
                objective:
                  command: [sh, -c, 'if [ {a} -eq 2 ]; then kill -9 $PPID; sleep 5; fi; echo "{{\\"value\\": {a}}}"']
                space: {a: [1, 2, 3]}
                store: {max_attempts: 2}
                workers: 2
                """);
        Path exp = tmp.resolve("exp");
        Cli.Result r = Cli.run("run", plan.toString(), "--dir", exp.toString(), "--no-progress");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        Map<Long, TrialRecord> t = CliInterruptTest.byId(exp);
        assertThat(t.get(2L).state()).as(r.toString()).isEqualTo(TrialState.FAILED);
        assertThat(t.get(2L).error()).contains("died (exit code 137 (SIGKILL)) during attempt 2; gave up after 2 attempts");
        assertThat(t.get(1L).state()).isEqualTo(TrialState.DONE);
        assertThat(t.get(3L).state()).isEqualTo(TrialState.DONE);
        assertThat(r.err()).contains("died: exit code 137 (SIGKILL)");
    }

    @Test
    void run_whose_workers_keep_dying_stops_replacing_them_at_the_bound_and_exits_1_saying_trials_are_unfinished() throws Exception {
        Path plan = tmp.resolve("dying.yaml");
        Files.writeString(plan, """
                experiment: dying
                objective: {class: dev.retort.cli.BlockingObjective}
                space: {a: [1, 2]}
                """);
        Path exp = tmp.resolve("exp");
        Path broken = tmp.resolve("BROKEN");
        Path log = tmp.resolve("run.log");
        Process run = ChildRun.start(log, List.of("-Dretort.test.broken=" + broken),
                "run", plan.toString(), "--dir", exp.toString(), "--workers", "1", "--no-progress");
        started.add(run);
        TrialRecord t = ChildRun.await("trial 1 running", 60_000, () -> ChildRun.running(exp).stream().findFirst().orElse(null));
        Files.writeString(broken, ""); // from now on no worker can load the objective class
        ChildRun.kill(ChildRun.pidOf(exp, t.worker()), "KILL");
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(run.exitValue()).as(out).isEqualTo(1);
        assertThat(out).contains("died: exit code 137 (SIGKILL)")
                .contains("(replacement 3 of at most 3)")
                .contains("not replacing worker")
                .contains("retort: unfinished: 2 trials pending after 4 worker deaths");
        assertThat(CliInterruptTest.byId(exp).values()).allSatisfy(x -> assertThat(x.state()).isEqualTo(TrialState.PENDING));
    }

    @Test
    void kill_9_of_run_ends_its_worker_processes_and_their_trials_go_back_to_pending() throws Exception {
        Path plan = tmp.resolve("orphans.yaml");
        Files.writeString(plan, """
                experiment: orphans
                objective: {class: dev.retort.cli.BlockingObjective}
                space: {a: [1, 2, 3]}
                """);
        Path exp = tmp.resolve("exp");
        Process run = ChildRun.start(tmp.resolve("run.log"), List.of(),
                "run", plan.toString(), "--dir", exp.toString(), "--workers", "2", "--no-progress");
        started.add(run);
        List<TrialRecord> running = ChildRun.await("two trials running", 60_000,
                () -> ChildRun.running(exp).size() == 2 ? ChildRun.running(exp) : null);
        List<Long> workerPids = running.stream().map(x -> ChildRun.pidOf(exp, x.worker())).toList();
        run.destroyForcibly(); // SIGKILL: no hook runs in the run
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (long pid : workerPids)
            ChildRun.await("worker pid " + pid + " to exit", 30_000, () -> ChildRun.alive(pid) ? null : true);
        assertThat(CliInterruptTest.byId(exp).values()).allSatisfy(x -> {
            assertThat(x.state()).isEqualTo(TrialState.PENDING);
            assertThat(x.attempt()).isZero();
        });
    }
}
