package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.run.Experiment;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** status, results, export and reset on a small finished experiment: a = 1 and 3 DONE, a = 2 FAILED. */
class CliReportsTest {
    @TempDir
    Path tmp;
    String dir;

    @BeforeEach
    void finishedExperiment() throws Exception {
        Path p = tmp.resolve("plan.yaml");
        Files.writeString(p, """
                experiment: rep
                objective:
                  command:
                    - sh
                    - -c
                    - 'if [ {a} = 2 ]; then echo nope >&2; exit 4; fi; echo "{{\\"value\\": {a}}}"'
                space: {a: [1, 2, 3]}
                """);
        dir = tmp.resolve("exp").toString();
        Cli.Result r = Cli.run("run", p.toString(), "--dir", dir, "--threads");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
    }

    @Test
    void status_shows_counts_and_progress_by_parameter_value() {
        Cli.Result r = Cli.run("status", dir);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("experiment rep (" + dir + ")");
        assertThat(r.out().lines().map(String::strip)).contains("done     2", "failed   1", "pending  0", "total    3", "a: 1=1/1 2=0/1 3=1/1");
    }

    @Test
    void results_csv_lists_done_trials_best_first() {
        Cli.Result r = Cli.run("results", dir, "--format", "csv");
        assertThat(r.code()).as("it printed the results: exit 0 although a trial FAILED").isZero();
        var lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("trial,a,value,seconds");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("1,1,1.0,");
        assertThat(lines.get(2)).startsWith("3,3,3.0,");
    }

    @Test
    void results_json_is_an_array_of_trial_records() throws Exception {
        Cli.Result r = Cli.run("results", dir, "--format", "json");
        JsonNode a = new ObjectMapper().readTree(r.out());
        assertThat(a.isArray()).isTrue();
        assertThat(a).hasSize(2);
        assertThat(a.get(0).get("trial").asLong()).isEqualTo(1);
        assertThat(a.get(0).get("config").get("a").asLong()).isEqualTo(1);
        assertThat(a.get(0).get("result").get("value").asDouble()).isEqualTo(1.0);
        assertThat(a.get(0).get("metric").asDouble()).isEqualTo(1.0);
        assertThat(a.get(1).get("trial").asLong()).isEqualTo(3);
    }

    @Test
    void results_markdown_has_a_header_separator_and_rows() {
        Cli.Result r = Cli.run("results", dir, "--format", "markdown");
        var lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("| trial | a | value | seconds |");
        assertThat(lines.get(1)).startsWith("| ---");
        assertThat(lines.get(2)).startsWith("| 1 | 1 | 1.0 | ");
    }

    @Test
    void export_writes_every_trial_with_its_state_and_error_to_a_file() throws Exception {
        Path out = tmp.resolve("all.csv");
        Cli.Result r = Cli.run("export", dir, "-o", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        var lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("trial,state,attempt,a,value,cost,seconds,worker,host,created,started,finished,phase,error");
        assertThat(lines.get(1)).startsWith("1,DONE,1,1,1.0,,");
        assertThat(String.join("\n", lines)).contains("2,FAILED,1,2,,").contains("exit code 4").contains("nope");
        Cli.Result json = Cli.run("export", dir, "--format", "json");
        assertThat(json.out()).contains("\"state\" : \"FAILED\"").contains("\"state\" : \"DONE\"");
    }

    @Test
    void reset_moves_failed_trials_back_to_pending() {
        Cli.Result r = Cli.run("reset", dir, "--failed");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("reset 1 failed and 0 running trials to pending");
        try (Experiment e = Experiment.join(Path.of(dir), Clock.systemUTC()); TrialStore s = e.store()) {
            assertThat(s.counts().get(TrialState.FAILED)).isZero();
            assertThat(s.counts().get(TrialState.PENDING)).isEqualTo(1);
            assertThat(s.counts().get(TrialState.DONE)).isEqualTo(2);
            assertThat(s.trials(TrialState.PENDING).get(0).config().getLong("a")).isEqualTo(2);
        }
    }
}
