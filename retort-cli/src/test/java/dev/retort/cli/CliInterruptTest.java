package dev.retort.cli;

import dev.retort.run.Experiment;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `retort run` in a real child JVM, with a real worker process under it, is stopped with SIGTERM in the middle of
 * a trial; running the same command again finishes only what was left.
 */
class CliInterruptTest {
    @TempDir
    Path tmp;
    Process run;

    @AfterEach
    void cleanUp() {
        if (run != null) run.destroyForcibly();
    }

    @Test
    void sigterm_returns_the_running_trial_and_a_second_run_finishes_only_the_rest() throws Exception {
        Path plan = tmp.resolve("plan.yaml");
        // trials with a >= 3 block until the file GO exists in the plan directory (the command's working directory)
        Files.writeString(plan, """
                experiment: interrupted
                objective:
                  command:
                    - sh
                    - -c
                    - 'if [ {a} -ge 3 ] && [ ! -e GO ]; then sleep 60; fi; echo "{{\\"value\\": {a}}}"'
                space: {a: [1, 2, 3, 4, 5]}
                """);
        Path exp = tmp.resolve("exp");
        String java = ProcessHandle.current().info().command().orElse("java");
        run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", plan.toString(), "--dir", exp.toString(), "--workers", "1", "--no-progress")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("run.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();

        // no cross-process event: poll the store, bounded, until trial 3 is in progress
        TrialRecord blocked = awaitTrial(exp, 3, t -> t.state() == TrialState.RUNNING, 60_000);
        assertThat(blocked.attempt()).isEqualTo(1);
        run.destroy(); // SIGTERM, as a scheduler would send
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(tmp.resolve("run.log"));
        assertThat(run.exitValue()).as(log).isEqualTo(143);
        assertThat(log).contains("retort: interrupted; 1 trials returned to PENDING; run the same command to resume");

        Map<Long, TrialRecord> before = byId(exp);
        assertThat(before.get(1L).state()).isEqualTo(TrialState.DONE);
        assertThat(before.get(2L).state()).isEqualTo(TrialState.DONE);
        assertThat(before.get(3L).state()).as(log).isEqualTo(TrialState.PENDING);
        assertThat(before.get(3L).attempt()).as("a cancelled attempt is not counted").isZero();
        assertThat(before.get(4L).state()).isEqualTo(TrialState.PENDING);
        assertThat(before.get(5L).state()).isEqualTo(TrialState.PENDING);

        Files.writeString(tmp.resolve("GO"), "");
        Cli.Result again = Cli.run("run", plan.toString(), "--dir", exp.toString(), "--threads");
        assertThat(again.code()).as(again.toString()).isZero();
        Map<Long, TrialRecord> after = byId(exp);
        assertThat(after.values()).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.DONE);
            assertThat(t.attempt()).isEqualTo(1);
        });
        assertThat(after.get(1L).version()).isEqualTo(before.get(1L).version());
        assertThat(after.get(2L).finishedAt()).isEqualTo(before.get(2L).finishedAt());
        assertThat(after.get(3L).metric()).isEqualTo(3.0);
        assertThat(after.get(3L).worker()).isNotEqualTo(blocked.worker());
    }

    @Test
    void sigterm_with_thread_workers_returns_every_running_trial_and_kills_their_processes() throws Exception {
        Path plan = tmp.resolve("threads.yaml");
        Files.writeString(plan, """
                experiment: threads
                objective:
                  command: [sh, -c, 'echo $$ > pid-{a}; sleep 60; echo "{{\\"value\\": 1}}"']
                space: {a: [1, 2, 3]}
                """);
        Path exp = tmp.resolve("texp");
        String java = ProcessHandle.current().info().command().orElse("java");
        run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", plan.toString(), "--dir", exp.toString(), "--threads", "--workers", "2", "--no-progress")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("trun.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        awaitTrial(exp, 1, t -> t.state() == TrialState.RUNNING, 60_000);
        awaitTrial(exp, 2, t -> t.state() == TrialState.RUNNING, 60_000);
        // RUNNING in the store comes before the command has written its pid: wait for both pids
        for (String f : List.of("pid-1", "pid-2"))
            CliTrialsLogsTest.await(() -> CliTrialsLogsTest.read(tmp.resolve(f)).strip().matches("\\d+"), f + " written");
        run.destroy();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(byId(exp).values()).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.PENDING);
            assertThat(t.attempt()).isZero();
        });
        for (String f : List.of("pid-1", "pid-2")) {
            long pid = Long.parseLong(Files.readString(tmp.resolve(f)).trim());
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as(f).isFalse();
        }
    }

    @Test
    void ctrl_c_exits_130_and_says_how_many_trials_went_back_with_processes_and_with_threads() throws Exception {
        Path plan = tmp.resolve("ctrlc.yaml");
        Files.writeString(plan, """
                experiment: ctrlc
                objective: {class: dev.retort.cli.BlockingObjective}
                space: {a: [1, 2, 3]}
                """);
        for (String mode : List.of("--no-progress", "--threads")) {
            Path exp = tmp.resolve("exp" + mode);
            Path log = tmp.resolve("ctrlc" + mode + ".log");
            run = ChildRun.start(log, List.of(), "run", plan.toString(), "--dir", exp.toString(), "--workers", "2", mode);
            awaitTrial(exp, 1, t -> t.state() == TrialState.RUNNING, 60_000);
            awaitTrial(exp, 2, t -> t.state() == TrialState.RUNNING, 60_000);
            ChildRun.kill(run.pid(), "INT"); // what Ctrl-C sends
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = Files.readString(log);
            assertThat(run.exitValue()).as(mode + "\n" + out).isEqualTo(130);
            assertThat(out).as(mode).contains("retort: interrupted; 2 trials returned to PENDING; run the same command to resume");
            assertThat(byId(exp).values()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.PENDING));
        }
    }

    static Map<Long, TrialRecord> byId(Path exp) {
        try (Experiment e = Experiment.join(exp, Clock.systemUTC()); TrialStore s = e.store()) {
            return s.trials(null).stream().collect(Collectors.toMap(TrialRecord::id, t -> t));
        }
    }

    static TrialRecord awaitTrial(Path exp, long id, Predicate<TrialRecord> condition, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        TrialRecord last = null;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(exp.resolve(Experiment.DB_FILE))) {
                try {
                    List<TrialRecord> all;
                    try (Experiment e = Experiment.join(exp, Clock.systemUTC()); TrialStore s = e.store()) {
                        all = s.trials(null);
                    }
                    last = all.stream().filter(t -> t.id() == id).findFirst().orElse(null);
                    if (last != null && condition.test(last)) return last;
                } catch (dev.retort.PlanException notYet) {
                    // the run has not created the experiment yet
                }
            }
            Thread.sleep(50); // polling a database another process writes: there is no event to wait on
        }
        throw new AssertionError("trial " + id + " never reached the expected state; last seen " + last);
    }
}
