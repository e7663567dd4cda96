package dev.retort.store;

import dev.retort.space.Config;
import dev.retort.store.jdbc.Database;
import dev.retort.test.ClaimerMain;
import dev.retort.test.JavaProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Eight real JVMs share one SQLite file: every trial is handed out and completed exactly once. */
class MultiProcessClaimTest {
    static final int TRIALS = 10_000;
    static final int PROCESSES = 8;

    @TempDir
    Path dir;

    @Test
    void eight_processes_claim_ten_thousand_trials_each_done_exactly_once() throws Exception {
        Path dbFile = dir.resolve("retort.db");
        try (Database db = Database.sqlite(dbFile, Clock.systemUTC())) {
            ExperimentRow row = db.create("claims", "{}", "h", "value", "MINIMIZE");
            try (TrialStore store = db.open(row, StoreSettings.DEFAULTS)) {
                assertThat(store.register(IntStream.range(0, TRIALS).mapToObj(i -> Config.of("i", i)).iterator()))
                        .isEqualTo(TRIALS);
            }
        }

        List<Process> children = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            Path out = dir.resolve("claimed-" + i + ".txt");
            outs.add(out);
            children.add(JavaProcesses.start(ClaimerMain.class, dir.resolve("claimer-" + i + ".log"),
                    dbFile.toString(), "claims", out.toString()));
        }
        for (int i = 0; i < PROCESSES; i++) {
            Process p = children.get(i);
            boolean exited = p.waitFor(120, TimeUnit.SECONDS);
            if (!exited) children.forEach(Process::destroyForcibly);
            assertThat(exited).as("claimer %d exited in time", i).isTrue();
            assertThat(p.exitValue()).as("claimer %d exit code; log: %s", i,
                    Files.readString(dir.resolve("claimer-" + i + ".log"))).isZero();
        }

        List<Long> claimed = new ArrayList<>();
        int processesThatWorked = 0;
        for (Path out : outs) {
            List<String> lines = Files.readAllLines(out);
            if (!lines.isEmpty()) processesThatWorked++;
            for (String line : lines) claimed.add(Long.parseLong(line));
        }
        Set<Long> unique = new HashSet<>(claimed);
        assertThat(claimed).hasSize(TRIALS);
        assertThat(unique).hasSize(TRIALS);
        assertThat(unique).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, TRIALS).boxed().toList());
        assertThat(processesThatWorked).as("processes that completed at least one trial").isGreaterThan(1);

        try (Database db = Database.sqlite(dbFile, Clock.systemUTC())) {
            ExperimentRow row = db.find("claims").orElseThrow();
            try (TrialStore store = db.open(row, StoreSettings.DEFAULTS)) {
                List<TrialRecord> all = store.trials(null);
                assertThat(all).hasSize(TRIALS);
                assertThat(all).allSatisfy(t -> {
                    assertThat(t.state()).isEqualTo(TrialState.DONE);
                    assertThat(t.version()).as("claim + complete, nothing else, for trial %d", t.id()).isEqualTo(2);
                    assertThat(t.attempt()).isEqualTo(1);
                    assertThat(t.metric()).isEqualTo((double) t.id());
                    assertThat(t.resultJson()).contains("\"by\":\"" + t.worker() + "\"");
                });
                Counts c = store.counts();
                assertThat(c.get(TrialState.DONE)).isEqualTo(TRIALS);
                for (TrialState s : TrialState.values())
                    if (s != TrialState.DONE) assertThat(c.get(s)).as("count of %s", s).isZero();
                assertThat(c.total()).isEqualTo(TRIALS);
            }
        }
    }
}
