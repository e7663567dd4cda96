package dev.retort.engine;

import dev.retort.plan.Plan;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.store.StoreLocation;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import dev.retort.test.JavaProcesses;
import dev.retort.test.WorkerMain;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 64 worker processes against a server with PostgreSQL's default {@code max_connections = 100}: they all run
 * at once, none is refused a connection, and every trial is DONE once. A sampler on the server counts the
 * client connections while they run.
 */
class SixtyFourWorkersTest {
    static final int WORKERS = 64, TRIALS = 64 * 6;

    @TempDir
    Path dir;
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void kill_leftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void sixty_four_worker_processes_fit_under_the_default_max_connections_and_finish_every_trial_once() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start()) {
            String url = "postgresql://postgres@localhost:" + server.getPort() + "/postgres?schema=many64";
            StoreLocation.Server at = (StoreLocation.Server) StoreLocation.of("--store", url, "many64", dir.resolve("many64"), Map.of());
            String values = IntStream.rangeClosed(1, TRIALS).mapToObj(Integer::toString).collect(Collectors.joining(", "));
            // trials long enough that the workers, started one after another on two cores, overlap
            Plan plan = new PlanParser(getClass().getClassLoader()).parse("experiment: many64\n"
                    + "objective: {class: dev.retort.test.GateObjective}\nspace: {i: [" + values + "], ms: [1500]}\n", "many64.yaml", dir);
            try (Experiment exp = Experiment.open(plan, at, Experiment.Options.of(Experiment.Mode.STRICT), Clock.systemUTC())) {
                assertThat(exp.awaitRegistered(60_000)).isTrue();
            }

            AtomicInteger peakConnections = new AtomicInteger(), peakWorkers = new AtomicInteger();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                    while (sampling.get()) {
                        try (ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT application_name) FILTER"
                                + " (WHERE application_name LIKE 'retort-%') FROM pg_stat_activity WHERE backend_type = 'client backend'"
                                + " AND pid <> pg_backend_pid()")) {
                            rs.next();
                            peakConnections.accumulateAndGet(rs.getInt(1), Math::max);
                            peakWorkers.accumulateAndGet(rs.getInt(2), Math::max);
                        }
                        Thread.sleep(50); // the sampling interval
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "connection-sampler");
            sampler.start();

            List<Process> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                Process p = JavaProcesses.start(WorkerMain.class, dir.resolve("w" + w + ".log"), at.workerArgs().get(1), "w" + w, "0",
                        at.experiment(), at.artifacts().toString());
                started.add(p);
                workers.add(p);
            }
            long done = 0;
            for (int w = 0; w < WORKERS; w++) {
                assertThat(workers.get(w).waitFor(300, TimeUnit.SECONDS)).as("worker %d exits", w).isTrue();
                String log = Files.readString(dir.resolve("w" + w + ".log"));
                assertThat(workers.get(w).exitValue()).as("w" + w + ":\n" + log).isZero();
                assertThat(log).doesNotContain("too many clients");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("summary evaluated=\\d+ done=(\\d+) lost=0 reason=no trials left").matcher(log);
                assertThat(m.find()).as("w" + w + ":\n" + log).isTrue();
                done += Long.parseLong(m.group(1));
            }
            sampling.set(false);
            sampler.join();

            assertThat(done).isEqualTo(TRIALS);
            assertThat(peakConnections.get()).as("client connections at the peak").isLessThanOrEqualTo(100 - 3);
            assertThat(peakWorkers.get()).as("worker processes connected at the same time").isGreaterThanOrEqualTo(WORKERS * 3 / 4);
            try (Experiment exp = Experiment.join(at, Clock.systemUTC()); TrialStore store = exp.store()) {
                List<TrialRecord> all = store.trials(null);
                assertThat(all).hasSize(TRIALS).allSatisfy(t -> {
                    assertThat(t.state()).isEqualTo(TrialState.DONE);
                    assertThat(t.attempt()).isEqualTo(1);
                });
                System.out.println("64 workers: peak " + peakConnections.get() + " client connections, " + peakWorkers.get()
                        + " worker processes connected at once");
            }
        }
    }
}
