package dev.retort.cli;

import dev.retort.run.Experiment;
import dev.retort.space.Config;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** retort run: resume, refusal of a changed plan, --extend, and real worker processes. */
class CliRunTest {
    @TempDir
    Path tmp;
    Path exp;

    static final String PLAN = """
            experiment: counted
            objective: {class: dev.retort.cli.CountingObjective}
            space:
              a: [1, 2, 3, 4]
              b: [1, 2, 3]
            """;

    @BeforeEach
    void setUp() {
        CountingObjective.EVALUATED.clear();
        exp = tmp.resolve("exp");
    }

    Path plan(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static List<TrialRecord> trials(Path dir) {
        try (Experiment e = Experiment.join(dir, Clock.systemUTC()); TrialStore s = e.store()) {
            return s.trials(null);
        }
    }

    static Map<String, TrialRecord> doneByHash(Path dir) {
        Map<String, TrialRecord> m = new HashMap<>();
        for (TrialRecord t : trials(dir)) if (t.state() == TrialState.DONE) m.put(t.configHash(), t);
        return m;
    }

    @Test
    void interrupted_run_resumes_running_only_the_remaining_trials() throws Exception {
        Path p = plan("plan.yaml", PLAN);
        Cli.Result first = Cli.run("run", p.toString(), "--dir", exp.toString(), "--threads", "--max-trials", "5");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(CountingObjective.EVALUATED).hasSize(5);
        Map<String, TrialRecord> doneBefore = doneByHash(exp);
        assertThat(doneBefore).hasSize(5);
        assertThat(trials(exp)).filteredOn(t -> t.state() == TrialState.PENDING).hasSize(7);
        Set<Config> firstConfigs = new HashSet<>(CountingObjective.EVALUATED);

        CountingObjective.EVALUATED.clear();
        Cli.Result second = Cli.run("run", p.toString(), "--dir", exp.toString(), "--threads");
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(CountingObjective.EVALUATED).hasSize(7).doesNotContainAnyElementsOf(firstConfigs);
        List<TrialRecord> all = trials(exp);
        assertThat(all).hasSize(12).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.DONE));
        for (TrialRecord before : doneBefore.values()) {
            TrialRecord after = all.stream().filter(t -> t.configHash().equals(before.configHash())).findFirst().orElseThrow();
            assertThat(after.version()).as("trial %d untouched by the second run", before.id()).isEqualTo(before.version());
            assertThat(after.finishedAt()).isEqualTo(before.finishedAt());
        }
        assertThat(second.out().lines()).anyMatch(l -> l.matches("\\s*1\\s+1\\s+1\\s+11\\.0\\s+.*"))
                .anyMatch(l -> l.matches("\\s*12\\s+4\\s+3\\s+43\\.0\\s+.*"));

        CountingObjective.EVALUATED.clear();
        Cli.Result third = Cli.run("run", p.toString(), "--dir", exp.toString(), "--threads");
        assertThat(third.code()).isZero();
        assertThat(third.err()).contains("nothing to run: all 12 trials of 'counted' are finished");
        assertThat(CountingObjective.EVALUATED).isEmpty();
    }

    @Test
    void changed_plan_is_refused_with_the_changed_key_paths_and_nothing_is_written() throws Exception {
        Cli.Result first = Cli.run("run", plan("plan.yaml", PLAN).toString(), "--dir", exp.toString(), "--threads");
        assertThat(first.code()).as(first.toString()).isZero();
        Map<Path, String> before = snapshot(exp);
        assertThat(before).containsKey(Path.of("retort.db"));

        Path changed = plan("changed.yaml", PLAN.replace("b: [1, 2, 3]", "b: [1, 2, 3, 5]"));
        Cli.Result refused = Cli.run("run", changed.toString(), "--dir", exp.toString(), "--threads");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("was started with another plan").contains("--extend");
        assertThat(refused.err()).contains("changed (stored -> this plan):\n  space.b: [1,2,3] -> [1,2,3,5]\nrun with --extend");
        assertThat(refused.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(snapshot(exp)).as("every file byte-identical").isEqualTo(before);
        assertThat(CountingObjective.EVALUATED).hasSize(12);
    }

    @Test
    void extend_adds_the_new_configs_and_keeps_the_done_ones() throws Exception {
        Cli.Result first = Cli.run("run", plan("plan.yaml", PLAN).toString(), "--dir", exp.toString(), "--threads");
        assertThat(first.code()).isZero();
        Map<String, TrialRecord> doneBefore = doneByHash(exp);
        CountingObjective.EVALUATED.clear();

        Path changed = plan("changed.yaml", PLAN.replace("b: [1, 2, 3]", "b: [1, 2, 3, 5]"));
        Cli.Result extended = Cli.run("run", changed.toString(), "--dir", exp.toString(), "--threads", "--extend");
        assertThat(extended.code()).as(extended.toString()).isZero();
        assertThat(CountingObjective.EVALUATED).hasSize(4).allSatisfy(c -> assertThat(c.getLong("b")).isEqualTo(5));
        List<TrialRecord> all = trials(exp);
        assertThat(all).hasSize(16).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.DONE));
        assertThat(all.subList(12, 16)).extracting(TrialRecord::id).containsExactly(13L, 14L, 15L, 16L);
        for (TrialRecord before : doneBefore.values())
            assertThat(doneByHash(exp).get(before.configHash()).version()).isEqualTo(before.version());
        // and the extended plan is now the stored one: running it again needs no --extend
        Cli.Result again = Cli.run("run", changed.toString(), "--dir", exp.toString(), "--threads");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.err()).contains("nothing to run");
    }

    @Test
    void run_with_two_worker_processes_finishes_every_trial_and_logs_each_worker() throws Exception {
        Path p = plan("branin.yaml", """
                experiment: procs
                objective: {class: dev.retort.examples.Branin}
                space:
                  x1: {linspace: [-5, 10, 6]}
                  x2: [1, 2, 3]
                """);
        Cli.Result r = Cli.run("run", p.toString(), "--dir", exp.toString(), "--workers", "2", "--no-progress");
        assertThat(r.code()).as(r.toString()).isZero();
        List<TrialRecord> all = trials(exp);
        assertThat(all).hasSize(18).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.DONE);
            assertThat(t.attempt()).isEqualTo(1);
            assertThat(t.worker()).as("a child worker, not this JVM").matches(w -> w.endsWith("-w1") || w.endsWith("-w2"));
        });
        try (Stream<Path> logs = Files.list(exp.resolve("logs"))) {
            List<Path> outs = logs.filter(f -> f.toString().endsWith(".out")).toList();
            assertThat(outs).hasSize(2);
            long trialsReported = 0;
            for (Path o : outs) {
                String text = Files.readString(o);
                assertThat(text).contains("; no trials left");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(": (\\d+) trials \\((\\d+) done").matcher(text);
                assertThat(m.find()).as(text).isTrue();
                trialsReported += Long.parseLong(m.group(2));
            }
            assertThat(trialsReported).isEqualTo(18);
        }
        assertThat(r.out()).contains("trial").contains("value");
        assertThat(r.err()).contains("18 done");
    }

    static Map<Path, String> snapshot(Path dir) throws IOException {
        Map<Path, String> m = new HashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) m.put(dir.relativize(f), java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(f)));
        }
        return m;
    }
}
