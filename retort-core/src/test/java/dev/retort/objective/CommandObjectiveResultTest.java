package dev.retort.objective;

import dev.retort.Trial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandObjectiveResultTest {
    @TempDir
    Path root;

    private static CommandObjective sh(String script) {
        return new CommandObjective(CommandSpec.of("sh", "-c", script));
    }

    @Test
    void result_json_in_the_trial_directory_is_the_result() throws Exception {
        Trial t = Trials.in(root);
        Map<String, Object> r = sh("echo '{{\"loss\": 0.25, \"epochs\": 3}}' > \"$RETORT_TRIAL_DIR/result.json\"; echo '{{\"loss\": 9}}'")
                .evaluate(t);
        assertThat(r).containsExactlyInAnyOrderEntriesOf(Map.of("loss", 0.25, "epochs", 3L));
    }

    @Test
    void last_json_object_line_on_stdout_is_the_result_when_there_is_no_result_json() throws Exception {
        Trial t = Trials.in(root);
        String script = "echo starting; echo '{{\"loss\": 1}}'; echo 'epoch 2'; echo '{{\"loss\": 0.5, \"acc\": 0.9}}';"
                + " echo '[1, 2]'; echo '{{not json}}'; echo done";
        assertThat(sh(script).evaluate(t)).containsExactlyInAnyOrderEntriesOf(Map.of("loss", 0.5, "acc", 0.9));
        assertThat(Files.readString(t.dir().resolve("stdout.log"))).startsWith("starting\n").endsWith("done\n");
    }

    @Test
    void nested_values_and_large_integers_keep_their_types() throws Exception {
        Map<String, Object> r = sh("echo '{{\"n\": 12345678901, \"small\": 2, \"extra\": {{\"k\": [1]}}}}'").evaluate(Trials.in(root));
        assertThat(r.get("n")).isEqualTo(12345678901L);
        assertThat(r.get("small")).isEqualTo(2L);
        assertThat(r.get("extra")).isEqualTo(Map.of("k", java.util.List.of(1L)));
    }

    @Test
    void no_result_file_and_no_json_line_fails_naming_both() throws Exception {
        Trial t = Trials.in(root);
        assertThatThrownBy(() -> sh("echo hello; echo '{{broken'").evaluate(t))
                .isInstanceOf(TrialFailedException.class)
                .hasMessage("produced no result: no result.json in " + t.dir().toAbsolutePath()
                        + " and no JSON object line on stdout");
    }

    @Test
    void result_json_that_is_not_an_object_fails() throws Exception {
        Trial t = Trials.in(root);
        assertThatThrownBy(() -> sh("echo '[1, 2]' > result.json; echo '{{\"ok\": 1}}'").evaluate(t))
                .isInstanceOf(TrialFailedException.class)
                .hasMessageContaining("result.json is not a JSON object: [1, 2]");
    }

    @Test
    void stale_result_json_from_an_earlier_attempt_is_ignored() throws Exception {
        Trial t = Trials.in(root);
        Files.writeString(t.dir().resolve("result.json"), "{\"stale\": 1}");
        assertThat(sh("echo '{{\"fresh\": 1}}'").evaluate(t)).containsOnlyKeys("fresh");
    }

    @Test
    void non_zero_exit_fails_with_the_exit_code_and_the_tail_of_stderr() throws Exception {
        Trial t = Trials.in(root);
        String script = "i=1; while [ $i -le 100 ]; do echo \"line $i\" >&2; i=$((i+1)); done; echo '{{\"x\": 1}}'; exit 3";
        assertThatThrownBy(() -> sh(script).evaluate(t))
                .isInstanceOf(TrialFailedException.class)
                .hasMessageStartingWith("exit code 3")
                .hasMessageContaining("line 100")
                .hasMessageContaining("line 81\n")
                .hasMessageNotContaining("line 80\n");
    }

    @Test
    void false_fails_with_exit_code_one() throws Exception {
        assertThatThrownBy(() -> new CommandObjective(CommandSpec.of("false")).evaluate(Trials.in(root)))
                .isInstanceOf(TrialFailedException.class)
                .hasMessage("exit code 1");
    }

    @Test
    void a_missing_program_fails_the_trial_naming_it() throws Exception {
        assertThatThrownBy(() -> new CommandObjective(CommandSpec.of("/no/such/program")).evaluate(Trials.in(root)))
                .isInstanceOf(TrialFailedException.class)
                .hasMessageStartingWith("cannot start /no/such/program");
    }
}
