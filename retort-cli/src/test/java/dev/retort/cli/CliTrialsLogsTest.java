package dev.retort.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** `retort trials`, `retort logs` and the trial directory they read, on real command trials. */
class CliTrialsLogsTest {
    @TempDir
    Path tmp;
    Process run;

    @AfterEach
    void cleanUp() {
        if (run != null) run.destroyForcibly();
    }

    /** a = 2 fails with a message on stderr; the others print their result. */
    static final String PLAN = """
            experiment: tl
            objective:
              command: [sh, -c, 'echo "out of {a}"; echo "err of {a}" >&2; if [ {a} = 2 ]; then echo "boom: a is 2" >&2; exit 3; fi; echo "{{\\"value\\": {a}}}"']
            space: {a: [1, 2, 3]}
            """;

    Path ranExperiment() throws Exception {
        Path plan = tmp.resolve("plan.yaml");
        Files.writeString(plan, PLAN);
        Path exp = tmp.resolve("exp");
        Cli.Result r = Cli.run("run", plan.toString(), "--dir", exp.toString(), "--threads");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        return exp;
    }

    @Test
    void trials_prints_one_line_per_trial_and_the_error_of_a_failed_one() throws Exception {
        Path exp = ranExperiment();
        Cli.Result all = Cli.run("trials", exp.toString());
        assertThat(all.code()).as(all.toString()).isZero();
        List<String> lines = all.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("1", "DONE", "{\"a\":1}").doesNotContain("error");
        assertThat(lines.get(1)).contains("2", "FAILED", "attempt 1", "{\"a\":2}", "error: exit code 3");

        Cli.Result failed = Cli.run("trials", exp.toString(), "--state", "failed");
        assertThat(failed.code()).as(failed.toString()).isZero();
        assertThat(failed.out().lines()).hasSize(1).allMatch(l -> l.contains("FAILED") && l.contains("{\"a\":2}"));
    }

    @Test
    void trials_refuses_an_unknown_state_naming_the_allowed_ones() throws Exception {
        Path exp = ranExperiment();
        Cli.Result r = Cli.run("trials", exp.toString(), "--state", "broken");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--state: 'broken' is not a trial state; allowed: pending, running, done, failed, skipped")
                .doesNotContain("\tat ");
    }

    @Test
    void logs_prints_a_trials_stdout_or_its_stderr() throws Exception {
        Path exp = ranExperiment();
        Cli.Result out = Cli.run("logs", exp.toString(), "2");
        assertThat(out.code()).as(out.toString()).isZero();
        assertThat(out.out()).isEqualTo("out of 2\n");
        Cli.Result err = Cli.run("logs", exp.toString(), "2", "--stderr");
        assertThat(err.out()).isEqualTo("err of 2\nboom: a is 2\n");
        Cli.Result none = Cli.run("logs", exp.toString(), "9");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("trial 9 is not in");
    }

    @Test
    void each_trial_directory_holds_its_config_json() throws Exception {
        Path exp = ranExperiment();
        // trials/<id>_<slug> links to the recorded attempt's own directory (docs/store.md, attempt directories)
        try (Stream<Path> dirs = Files.list(exp.resolve("trials"))) {
            List<Path> all = dirs.filter(Files::isSymbolicLink).sorted().toList();
            assertThat(all).extracting(p -> p.getFileName().toString()).containsExactly("000001_a-1", "000002_a-2", "000003_a-3");
            for (int i = 0; i < 3; i++)
                assertThat(all.get(i).resolve("config.json")).hasContent("{\"a\":" + (i + 1) + "}");
        }
    }

    /** logs --follow, started while the trial runs, prints what the trial writes later and returns when it ends. */
    @Test
    void logs_follow_prints_new_output_until_the_trial_is_no_longer_running() throws Exception {
        Path plan = tmp.resolve("plan.yaml");
        Files.writeString(plan, """
                experiment: follow
                objective:
                  command: [sh, -c, 'echo first; while [ ! -e GO ]; do sleep 0.05; done; echo last; echo "{{\\"value\\": 1}}"']
                space: {a: [1]}
                """);
        Path exp = tmp.resolve("exp");
        String java = ProcessHandle.current().info().command().orElse("java");
        run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", plan.toString(), "--dir", exp.toString(), "--workers", "1", "--no-progress")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("run.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        // while it runs, the trial writes into its attempt's own directory (trials/000001_a-1.attempt-1.<version>)
        await(() -> runningLog(exp).map(f -> read(f).contains("first")).orElse(false), "the trial to print 'first'");
        assertThat(runningLog(exp).orElseThrow().getParent().getFileName().toString()).startsWith("000001_a-1.attempt-1.");

        StringWriter out = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread follower = new Thread(() -> code.set(Main.execute(new String[]{"logs", exp.toString(), "1", "--follow"},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))));
        follower.start();
        await(() -> out.toString().contains("first"), "logs --follow to print 'first'");
        assertThat(follower.isAlive()).as("still following the RUNNING trial").isTrue();
        Files.writeString(tmp.resolve("GO"), "");
        follower.join(60_000);
        assertThat(follower.isAlive()).isFalse();
        assertThat(code.get()).isZero();
        assertThat(out.toString()).isEqualTo("first\nlast\n{\"value\": 1}\n");
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(exp.resolve("trials/000001_a-1/stdout.log")).as("published once recorded").hasContent("first\nlast\n{\"value\": 1}\n");
    }

    private static java.util.Optional<Path> runningLog(Path exp) {
        try {
            return dev.retort.engine.TrialDirs.find(exp.resolve("trials"), 1).map(d -> d.resolve("stdout.log")).filter(Files::exists);
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** No cross-process event for "a file grew": poll, bounded. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }
}
