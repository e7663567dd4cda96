package dev.retort.cli;

import dev.retort.run.Experiment;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Command objectives through `retort run`: where results come from and how failures are recorded. */
class CliCommandObjectiveTest {
    @TempDir
    Path tmp;

    Cli.Result run(String script, String extraObjective) throws Exception {
        Path p = tmp.resolve("plan.yaml");
        Files.writeString(p, "experiment: cmd\n"
                + "objective:\n"
                + "  command:\n"
                + "    - sh\n"
                + "    - -c\n"
                + "    - '" + script + "'\n"
                + extraObjective
                + "space: {a: [1, 2]}\n");
        return Cli.run("run", p.toString(), "--dir", tmp.resolve("exp").toString(), "--threads");
    }

    List<TrialRecord> trials() {
        try (Experiment e = Experiment.join(tmp.resolve("exp"), Clock.systemUTC()); TrialStore s = e.store()) {
            return s.trials(null);
        }
    }

    @Test
    void result_is_read_from_the_last_json_line_of_stdout() throws Exception {
        Cli.Result r = run("echo noise; echo \"{{\\\"value\\\": {a}, \\\"note\\\": \\\"x\\\"}}\"; echo trailing text", "");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(trials()).extracting(TrialRecord::state).containsOnly(TrialState.DONE);
        assertThat(trials()).extracting(TrialRecord::metric).containsExactly(1.0, 2.0);
        assertThat(trials().get(0).resultJson()).contains("\"note\":\"x\"");
    }

    @Test
    void result_json_in_the_trial_directory_wins_over_stdout() throws Exception {
        Cli.Result r = run("printf \"{{\\\"value\\\": %s}}\" {a} > \"$RETORT_TRIAL_DIR/result.json\"; echo \"{{\\\"value\\\": 999}}\"", "");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(trials()).extracting(TrialRecord::metric).containsExactly(1.0, 2.0);
    }

    @Test
    void command_exceeding_its_timeout_fails_with_timed_out() throws Exception {
        long t0 = System.nanoTime();
        Cli.Result r = run("sleep 30", "  timeout: 300ms\n");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms: the sleeps were killed").isLessThan(15_000);
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(trials()).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.FAILED);
            assertThat(t.error()).contains("timed out");
        });
        assertThat(r.out()).contains("FAILED trial 1").contains("timed out");
    }

    @Test
    void non_zero_exit_fails_with_the_exit_code_and_stderr_tail_and_run_exits_1_after_the_table() throws Exception {
        Cli.Result r = run("if [ {a} = 2 ]; then echo \"boom for {a}\" >&2; exit 3; fi; echo \"{{\\\"value\\\": {a}}}\"", "");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        List<TrialRecord> all = trials();
        assertThat(all.get(0).state()).isEqualTo(TrialState.DONE);
        assertThat(all.get(1).state()).isEqualTo(TrialState.FAILED);
        assertThat(all.get(1).error()).startsWith("exit code 3").contains("stderr:").contains("boom for 2");
        // the table of what did finish comes first, then the failure
        String out = r.out();
        assertThat(out).contains("value");
        assertThat(out.indexOf("FAILED trial 2")).isGreaterThan(out.indexOf("value"));
        assertThat(out).contains("exit code 3");
        assertThat(r.err()).contains("1 done, 1 failed");
    }
}
