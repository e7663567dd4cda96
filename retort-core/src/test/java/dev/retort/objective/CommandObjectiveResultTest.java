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
    void resultJsonInTheTrialDirectoryIsTheResult() throws Exception {
        Trial t = Trials.in(root);
        Map<String, Object> r = sh("echo '{{\"loss\": 0.25, \"epochs\": 3}}' > \"$RETORT_TRIAL_DIR/result.json\"; echo '{{\"loss\": 9}}'")
                .evaluate(t);
        assertThat(r).containsExactlyInAnyOrderEntriesOf(Map.of("loss", 0.25, "epochs", 3L));
    }

    @Test
    void lastJsonObjectLineOnStdoutIsTheResultWhenThereIsNoResultJson() throws Exception {
        Trial t = Trials.in(root);
        String script = "echo starting; echo '{{\"loss\": 1}}'; echo 'epoch 2'; echo '{{\"loss\": 0.5, \"acc\": 0.9}}';"
                + " echo '[1, 2]'; echo '{{not json}}'; echo done";
        assertThat(sh(script).evaluate(t)).containsExactlyInAnyOrderEntriesOf(Map.of("loss", 0.5, "acc", 0.9));
        assertThat(Files.readString(t.dir().resolve("stdout.log"))).startsWith("starting\n").endsWith("done\n");
    }

    @Test
    void nestedValuesAndLargeIntegersKeepTheirTypes() throws Exception {
        Map<String, Object> r = sh("echo '{{\"n\": 12345678901, \"small\": 2, \"extra\": {{\"k\": [1]}}}}'").evaluate(Trials.in(root));
        assertThat(r.get("n")).isEqualTo(12345678901L);
        assertThat(r.get("small")).isEqualTo(2L);
        assertThat(r.get("extra")).isEqualTo(Map.of("k", java.util.List.of(1L)));
    }

    @Test
    void noResultFileAndNoJsonLineFailsNamingBoth() throws Exception {
        Trial t = Trials.in(root);
        assertThatThrownBy(() -> sh("echo hello; echo '{{broken'").evaluate(t))
                .isInstanceOf(TrialFailedException.class)
                .hasMessage("produced no result: no result.json in " + t.dir().toAbsolutePath()
                        + " and no JSON object line on stdout");
    }

    @Test
    void resultJsonThatIsNotAnObjectFails() throws Exception {
        Trial t = Trials.in(root);
        assertThatThrownBy(() -> sh("echo '[1, 2]' > result.json; echo '{{\"ok\": 1}}'").evaluate(t))
                .isInstanceOf(TrialFailedException.class)
                .hasMessageContaining("result.json is not a JSON object: [1, 2]");
    }

    @Test
    void staleResultJsonFromAnEarlierAttemptIsIgnored() throws Exception {
        Trial t = Trials.in(root);
        Files.writeString(t.dir().resolve("result.json"), "{\"stale\": 1}");
        assertThat(sh("echo '{{\"fresh\": 1}}'").evaluate(t)).containsOnlyKeys("fresh");
    }

    @Test
    void nonZeroExitFailsWithTheExitCodeAndTheTailOfStderr() throws Exception {
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
    void falseFailsWithExitCodeOne() throws Exception {
        assertThatThrownBy(() -> new CommandObjective(CommandSpec.of("false")).evaluate(Trials.in(root)))
                .isInstanceOf(TrialFailedException.class)
                .hasMessage("exit code 1");
    }

    @Test
    void aMissingProgramFailsTheTrialNamingIt() throws Exception {
        assertThatThrownBy(() -> new CommandObjective(CommandSpec.of("/no/such/program")).evaluate(Trials.in(root)))
                .isInstanceOf(TrialFailedException.class)
                .hasMessageStartingWith("cannot start /no/such/program");
    }
}
