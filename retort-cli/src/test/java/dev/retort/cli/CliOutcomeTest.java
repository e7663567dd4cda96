package dev.retort.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code retort run} always says why it stopped, with worker threads and with worker processes alike. */
class CliOutcomeTest {
    @TempDir
    Path tmp;
    Path plan;

    @BeforeEach
    void plan() throws Exception {
        plan = tmp.resolve("plan.yaml");
        Files.writeString(plan, CliRunTest.PLAN);
    }

    @Test
    void a_run_that_finishes_every_trial_exits_0_saying_all_done() {
        for (String mode : new String[]{"--threads", "--no-progress"}) {
            Cli.Result r = Cli.run("run", plan.toString(), "--dir", tmp.resolve("all" + mode).toString(), mode);
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).as(mode).contains("retort: all 12 trials done");
        }
    }

    @Test
    void a_run_stopped_by_max_trials_exits_0_naming_the_limit() {
        for (String mode : new String[]{"--threads", "--no-progress"}) {
            Cli.Result r = Cli.run("run", plan.toString(), "--dir", tmp.resolve("limit" + mode).toString(), mode, "--max-trials", "5");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).as(mode).contains("retort: stopped: max_trials reached (limits.max_trials = 5); 7 trials pending");
        }
    }

    @Test
    void a_run_with_failed_trials_exits_1_saying_how_many() throws Exception {
        Path failing = tmp.resolve("failing.yaml");
        Files.writeString(failing, """
                experiment: failing
                objective:
                  command: [sh, -c, 'if [ {a} -eq 2 ]; then exit 3; fi; echo "{{\\"value\\": {a}}}"']
                space: {a: [1, 2, 3]}
                """);
        Cli.Result r = Cli.run("run", failing.toString(), "--dir", tmp.resolve("failed").toString(), "--threads");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("retort: 1 trials FAILED");
    }
}
