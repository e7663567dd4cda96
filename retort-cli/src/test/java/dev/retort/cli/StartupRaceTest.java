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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many `retort run` processes started at once on one fresh experiment directory: one schema migration, one
 * registration, no error, every trial DONE exactly once. And a seeded random search gives the same trials,
 * configs and metrics whatever the number of workers.
 */
class StartupRaceTest {
    @TempDir
    Path tmp;
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        started.forEach(Process::destroyForcibly);
    }

    private Process retort(Path log, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        // sqlite-jdbc extracts its native library into org.sqlite.tmpdir and, at start-up, deletes copies left by
        // killed JVMs; two processes deleting the same leftover log a harmless "Failed to delete old native lib".
        // A private directory keeps other tests' leftovers out of this one (see docs/store.md).
        Files.createDirectories(tmp.resolve("native"));
        List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-Dorg.sqlite.tmpdir=" + tmp.resolve("native"), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        started.add(p);
        return p;
    }

    @Test
    void thirty_two_runs_started_at_once_migrate_once_register_once_and_finish_every_trial_once() throws Exception {
        int n = 300;
        Path plan = tmp.resolve("plan.yaml");
        Files.writeString(plan, """
                experiment: race
                objective: {class: dev.retort.examples.Noop}
                metric: {name: value, goal: minimize}
                space: {i: {range: [0, %d]}}
                """.formatted(n));
        Path exp = tmp.resolve("exp");
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            // half with worker threads, half with a worker process each
            String[] mode = i % 2 == 0 ? new String[] {"--threads"} : new String[] {"--workers", "1"};
            List<String> args = new ArrayList<>(List.of("run", plan.toString(), "--dir", exp.toString(), "--no-progress", "--top", "1"));
            args.addAll(List.of(mode));
            runs.add(retort(tmp.resolve("run-" + i + ".log"), args.toArray(String[]::new)));
        }
        for (int i = 0; i < runs.size(); i++) {
            Process p = runs.get(i);
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("run %d finished", i).isTrue();
            String log = Files.readString(tmp.resolve("run-" + i + ".log"));
            assertThat(p.exitValue()).as("run %d exit code; log:%n%s", i, log).isZero();
            assertThat(log).as("run %d log", i).doesNotContain("Exception").doesNotContain("ERROR").doesNotContain("locked");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + exp.resolve(Experiment.DB_FILE)); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT group_concat(version, ','), COUNT(*) FROM schema_version")) {
                rs.next();
                assertThat(rs.getString(1)).as("each migration applied once").isEqualTo("1,2,3"); // V1..V3
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(registered_hash = plan_hash) FROM experiment")) {
                rs.next();
                assertThat(rs.getLong(1)).as("experiments").isEqualTo(1);
                assertThat(rs.getLong(2)).as("registered").isEqualTo(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT config_json), MAX(seq), SUM(state = 'DONE'), SUM(attempt = 1),"
                    + " (SELECT COUNT(*) FROM trial_key) FROM trial")) {
                rs.next();
                assertThat(rs.getLong(1)).as("trials: one registration").isEqualTo(n);
                assertThat(rs.getLong(2)).as("distinct configs").isEqualTo(n);
                assertThat(rs.getLong(3)).as("last trial id").isEqualTo(n);
                assertThat(rs.getLong(4)).as("DONE").isEqualTo(n);
                assertThat(rs.getLong(5)).as("DONE at the first attempt").isEqualTo(n);
                assertThat(rs.getLong(6)).as("keys").isEqualTo(n);
            }
        }
    }

    @Test
    void seeded_random_search_gives_the_same_trials_configs_and_metrics_with_one_and_with_eight_workers() throws Exception {
        Path plan = tmp.resolve("random.yaml");
        Files.writeString(plan, """
                experiment: seeded
                objective: {class: dev.retort.cli.SlowBranin}
                metric: {name: value, goal: minimize}
                space:
                  x1: {uniform: [-5, 10]}
                  x2: {uniform: [0, 15]}
                  k: [1, 2, 3]
                search: {random: {trials: 120, seed: 11}}
                """);
        Process one = retort(tmp.resolve("one.log"), "run", plan.toString(), "--dir", tmp.resolve("one").toString(), "--workers", "1", "--no-progress");
        Process eight = retort(tmp.resolve("eight.log"), "run", plan.toString(), "--dir", tmp.resolve("eight").toString(), "--workers", "8", "--no-progress");
        assertThat(one.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(eight.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(one.exitValue()).as(Files.readString(tmp.resolve("one.log"))).isZero();
        assertThat(eight.exitValue()).as(Files.readString(tmp.resolve("eight.log"))).isZero();

        List<String> a = table(tmp.resolve("one")), b = table(tmp.resolve("eight"));
        assertThat(a).hasSize(120);
        assertThat(b).containsExactlyElementsOf(a);
        assertThat(workers(tmp.resolve("eight"))).as("the eight-worker run really used several workers").isGreaterThan(1);
    }

    /** One line per trial: id, config, state, metric and result, by id. */
    private static List<String> table(Path exp) {
        try (Experiment e = Experiment.join(exp, Clock.systemUTC()); TrialStore s = e.store()) {
            return s.trials(null).stream().map(t -> t.id() + " " + t.config().toJson() + " " + t.state() + " " + t.metric() + " " + t.resultJson())
                    .toList();
        }
    }

    private static long workers(Path exp) {
        try (Experiment e = Experiment.join(exp, Clock.systemUTC()); TrialStore s = e.store()) {
            return s.trials(TrialState.DONE).stream().map(TrialRecord::worker).distinct().count();
        }
    }
}
