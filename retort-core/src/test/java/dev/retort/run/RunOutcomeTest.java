package dev.retort.run;

import dev.retort.engine.Limits;
import dev.retort.store.Counts;
import dev.retort.store.TrialState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict of a run and its exit code, from what the run left in the store. */
class RunOutcomeTest {
    static Counts counts(long done, long failed, long pending, long running) {
        return new Counts(Map.of(TrialState.DONE, done, TrialState.FAILED, failed, TrialState.PENDING, pending,
                TrialState.RUNNING, running), 0);
    }

    @Test
    void trials_left_with_no_limit_to_explain_them_are_unfinished_and_exit_1() {
        // today's symptom: every worker killed, 0 DONE, 1 PENDING, 2 RUNNING, and exit 0
        RunOutcome o = RunOutcome.of(counts(0, 0, 1, 2), null, false, 0, List.of("worker w1 died: exit code 137 (SIGKILL)"));
        assertThat(o.reason()).isEqualTo(RunOutcome.Reason.UNFINISHED_WORKERS_DIED);
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.message(Limits.NONE)).isEqualTo("unfinished: 1 trials pending, 2 running after 1 worker deaths; run the same command to resume");
    }

    @Test
    void each_verdict_has_its_exit_code_and_says_why() {
        Limits l = Limits.NONE.withMaxTrials(4).withWallTime(Duration.ofMinutes(90));
        assertThat(RunOutcome.of(counts(4, 0, 0, 0), null, false, 0, List.of()).exitCode()).isZero();
        RunOutcome limit = RunOutcome.of(counts(4, 0, 2, 0), "max_trials", false, 0, List.of());
        assertThat(limit.exitCode()).isZero();
        assertThat(limit.message(l)).isEqualTo("stopped: max_trials reached (limits.max_trials = 4); 2 trials pending");
        RunOutcome failed = RunOutcome.of(counts(3, 1, 2, 0), "max_trials", false, 0, List.of());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.message(l)).startsWith("1 trials FAILED; stopped by max_trials reached");
        RunOutcome interrupted = RunOutcome.of(counts(1, 1, 2, 0), null, true, 2, List.of());
        assertThat(interrupted.exitCode()).isEqualTo(130);
        assertThat(interrupted.message(l)).isEqualTo("interrupted; 2 trials returned to PENDING; run the same command to resume");
    }

    @Test
    void limits_are_judged_from_the_store_for_worker_processes() {
        Limits l = Limits.NONE.withMaxTrials(4);
        assertThat(RunOutcome.limitReached(l, counts(3, 1, 5, 0), Duration.ZERO, true)).isEqualTo("max_trials");
        assertThat(RunOutcome.limitReached(l, counts(3, 0, 5, 0), Duration.ZERO, true)).isNull();
        Limits w = Limits.NONE.withWallTime(Duration.ofSeconds(1));
        assertThat(RunOutcome.limitReached(w, counts(0, 0, 5, 0), Duration.ofSeconds(2), true)).isEqualTo("wall_time");
        Limits perRun = Limits.NONE.withMaxTrialsPerRun(2);
        assertThat(RunOutcome.limitReached(perRun, counts(2, 0, 5, 0), Duration.ZERO, true)).isEqualTo("max_trials_per_run");
        assertThat(RunOutcome.limitReached(perRun, counts(2, 0, 5, 0), Duration.ZERO, false)).isNull();
    }
}
