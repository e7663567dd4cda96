package dev.retort.cli;

import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code status} and {@code reset} tell a dead worker's trial from a live one's, with real {@code retort worker} JVMs. */
class CliStatusResetTest {
    @TempDir
    Path tmp;
    Path exp;
    final List<Process> started = new ArrayList<>();

    @BeforeEach
    void experiment() throws Exception {
        Path plan = tmp.resolve("plan.yaml");
        Files.writeString(plan, """
                experiment: held
                objective: {class: dev.retort.cli.BlockingObjective}
                space: {a: [1, 2, 3]}
                store: {lease: 60s, heartbeat: 1s}
                """);
        exp = tmp.resolve("exp");
        Experiment.open(new PlanParser(getClass().getClassLoader()).parse(plan), exp, Experiment.Mode.STRICT, Clock.systemUTC()).close();
    }

    @AfterEach
    void cleanUp() {
        started.forEach(Process::destroyForcibly);
    }

    private Process worker(String id) throws Exception {
        Process p = ChildRun.start(tmp.resolve(id + ".log"), List.of(), "worker", exp.toString(), "--id", id);
        started.add(p);
        ChildRun.await(id + " holding a trial", 60_000,
                () -> ChildRun.running(exp).stream().anyMatch(t -> t.worker().equals(id)) ? true : null);
        return p;
    }

    private TrialRecord heldBy(String id) {
        return ChildRun.running(exp).stream().filter(t -> t.worker().equals(id)).findFirst().orElse(null);
    }

    @Test
    void status_flags_a_running_trial_whose_worker_process_is_gone_as_dead_not_lease_ok() throws Exception {
        Process w = worker("w1");
        long pid = w.pid();
        w.destroyForcibly();
        assertThat(w.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Cli.Result s = Cli.run("status", exp.toString());
        assertThat(s.code()).as(s.toString()).isZero();
        assertThat(s.out()).contains("worker w1").contains("worker DEAD (pid " + pid + " is gone").doesNotContain("lease ok");
    }

    @Test
    void reset_returns_a_dead_workers_trial_keeps_a_live_ones_and_takes_it_only_with_running_force() throws Exception {
        Process live = worker("live");
        Process dead = worker("dead");
        TrialRecord liveTrial = heldBy("live");
        dead.destroyForcibly();
        assertThat(dead.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Cli.Result plain = Cli.run("reset", exp.toString());
        assertThat(plain.code()).as(plain.toString()).isZero();
        assertThat(plain.out()).contains("reset 0 failed and 1 running trials to pending")
                .contains("kept 1 running trials whose workers are alive");
        assertThat(heldBy("dead")).isNull();
        assertThat(heldBy("live")).as("the live worker keeps its trial").isNotNull()
                .extracting(TrialRecord::version).isEqualTo(liveTrial.version());

        Cli.Result forceAlone = Cli.run("reset", exp.toString(), "--force");
        assertThat(forceAlone.code()).isEqualTo(2);
        assertThat(forceAlone.err()).contains("--force").contains("--running");

        Cli.Result forced = Cli.run("reset", exp.toString(), "--running", "--force");
        assertThat(forced.code()).as(forced.toString()).isZero();
        assertThat(forced.out()).contains("discarding the work in progress of trial " + liveTrial.id() + " (worker live")
                .contains("reset 0 failed and 1 running trials to pending");
        TrialRecord after = CliInterruptTest.byId(exp).get(liveTrial.id());
        assertThat(after.state()).as("taken from the live worker").isIn(TrialState.PENDING, TrialState.RUNNING);
        assertThat(after.version()).isGreaterThan(liveTrial.version());
        assertThat(live.isAlive()).isTrue();
    }
}
