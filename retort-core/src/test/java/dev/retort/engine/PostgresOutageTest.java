package dev.retort.engine;

import dev.retort.plan.Plan;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.store.ClaimedTrial;
import dev.retort.store.Counts;
import dev.retort.store.Outcome;
import dev.retort.store.StoreException;
import dev.retort.store.StoreLocation;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import dev.retort.test.Await;
import dev.retort.test.JavaProcesses;
import dev.retort.test.WorkerMain;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A PostgreSQL server that drops its connections, restarts, or stays away: stores reconnect with backoff and
 * go on, nothing finished is lost or recorded twice, and a server gone past the outage limit ends the work
 * with one message. The server here is this class's own (the others share one that must stay up), restarted
 * for real on the same port and data directory.
 */
class PostgresOutageTest {
    static Path data;
    static int port;
    static EmbeddedPostgres server;
    static int schemas;

    @TempDir
    Path dir;
    final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void start_server() throws IOException {
        data = Files.createTempDirectory("retort-pg-outage");
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        server = startOnSameData();
    }

    static EmbeddedPostgres startOnSameData() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    static void restart() throws IOException {
        server.close();
        server = startOnSameData();
    }

    @AfterAll
    static void stop_server() throws IOException {
        if (server != null) server.close();
        try (var paths = Files.walk(data)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @AfterEach
    void kill_leftovers() {
        started.forEach(Process::destroyForcibly);
    }

    StoreLocation.Server location(String experiment, String outage) {
        String url = "postgresql://postgres@localhost:" + port + "/postgres?schema=o" + (++schemas) + "_" + ProcessHandle.current().pid()
                + "&outage=" + outage;
        return (StoreLocation.Server) StoreLocation.of("--store", url, experiment, dir.resolve(experiment), Map.of());
    }

    Plan plan(String name, int trials, String extra) {
        String values = IntStream.rangeClosed(1, trials).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        return new PlanParser(getClass().getClassLoader()).parse("experiment: " + name
                + "\nobjective: {class: dev.retort.test.GateObjective}\nspace: {i: [" + values + "], ms: [5]}\n" + extra, name + ".yaml", dir);
    }

    @Test
    void trials_claimed_before_a_server_restart_are_completed_after_it_once() throws Exception {
        StoreLocation.Server at = location("restart", "60s");
        try (Experiment exp = Experiment.open(plan("restart", 10, ""), at, Experiment.Options.of(Experiment.Mode.STRICT), Clock.systemUTC());
             TrialStore store = exp.store()) {
            assertThat(exp.awaitRegistered(60_000)).isTrue();
            List<ClaimedTrial> held = store.claim("w1", 2, null, false);
            assertThat(held).hasSize(2);

            restart();

            for (ClaimedTrial t : held) store.complete(t, Outcome.done("{\"value\": " + t.id() + "}", (double) t.id(), null));
            List<ClaimedTrial> rest = store.claim("w1", 100, null, false);
            assertThat(rest).hasSize(8);
            for (ClaimedTrial t : rest) store.complete(t, Outcome.done("{\"value\": " + t.id() + "}", (double) t.id(), null));
            assertThat(store.counts().get(TrialState.DONE)).isEqualTo(10);
            assertThat(store.trials(null)).allSatisfy(t -> {
                assertThat(t.attempt()).isEqualTo(1);
                assertThat(t.version()).as("one claim, one completion").isEqualTo(2);
                assertThat(t.metric()).isEqualTo((double) t.id());
            });
        }
    }

    @Test
    void dropped_connections_are_opened_again_and_the_work_goes_on() throws Exception {
        StoreLocation.Server at = location("dropped", "60s");
        try (Experiment exp = Experiment.open(plan("dropped", 3, ""), at, Experiment.Options.of(Experiment.Mode.STRICT), Clock.systemUTC());
             TrialStore store = exp.store()) {
            assertThat(exp.awaitRegistered(60_000)).isTrue();
            ClaimedTrial t = store.claim("w1", 1, null, false).get(0);
            int dropped;
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                var rs = st.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'");
                rs.next();
                dropped = rs.getInt(1);
            }
            assertThat(dropped).as("the store's connections were cut").isPositive();
            store.complete(t, Outcome.done("{}", 1.0, null));
            Counts c = store.counts();
            assertThat(c.get(TrialState.DONE)).isEqualTo(1);
            assertThat(c.get(TrialState.PENDING)).isEqualTo(2);
        }
    }

    @Test
    void a_server_that_stays_away_past_the_outage_limit_ends_the_work_with_one_message_naming_the_limit() throws Exception {
        StoreLocation.Server at = location("away", "1500ms");
        try (Experiment exp = Experiment.open(plan("away", 3, ""), at, Experiment.Options.of(Experiment.Mode.STRICT), Clock.systemUTC());
             TrialStore store = exp.store()) {
            assertThat(exp.awaitRegistered(60_000)).isTrue();
            server.close();
            long t0 = System.nanoTime();
            try {
                assertThatThrownBy(() -> store.claim("w1", 1, null, false))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("lost the store postgresql://postgres@localhost:" + port + "/postgres?schema=")
                        .hasMessageContaining("stayed away for 1.5s (the outage limit; give ?outage=DURATION in the store URL to wait longer)")
                        .hasMessageContaining("cannot reach the store");
                long waited = (System.nanoTime() - t0) / 1_000_000;
                assertThat(waited).as("it waited the limit, not longer than a few backoffs more").isBetween(1_500L, 15_000L);
            } finally {
                server = startOnSameData();
            }
        }
    }

    @Test
    void worker_processes_go_on_across_a_server_restart_and_every_trial_is_done_once_with_its_result() throws Exception {
        int trials = 600;
        StoreLocation.Server at = location("workers", "120s");
        Experiment.open(plan("workers", trials, "store: {lease: 20s, heartbeat: 2s}\n"), at,
                Experiment.Options.of(Experiment.Mode.STRICT), Clock.systemUTC()).close();
        List<Process> ps = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            Process p = JavaProcesses.start(WorkerMain.class, dir.resolve("w" + w + ".log"), at.workerArgs().get(1), "w" + w, "0",
                    at.experiment(), at.artifacts().toString());
            started.add(p);
            ps.add(p);
        }
        try (Experiment exp = Experiment.join(at, Clock.systemUTC()); TrialStore store = exp.store()) {
            Await.until("100 trials done before the restart", 120_000, () -> store.counts().get(TrialState.DONE) >= 100 ? true : null);
            restart();
            for (int w = 0; w < 2; w++) {
                assertThat(ps.get(w).waitFor(240, TimeUnit.SECONDS)).as("worker %d exits", w).isTrue();
                String log = Files.readString(dir.resolve("w" + w + ".log"));
                assertThat(ps.get(w).exitValue()).as(log).isZero();
                assertThat(log).contains("reason=no trials left");
            }
            List<TrialRecord> all = store.trials(null);
            assertThat(all).hasSize(trials).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(TrialState.DONE);
                assertThat(t.metric()).as("trial %d's own result", t.id()).isEqualTo((double) configI(t));
            });
            assertThat(store.counts().get(TrialState.DONE)).isEqualTo(trials);
        }
    }

    @Test
    void the_outage_limit_is_read_from_the_url_and_a_bad_one_is_refused_naming_the_flag() {
        StoreLocation.Server s = (StoreLocation.Server) StoreLocation.of("--store",
                "postgresql://bob:pw-9q@db.lab/exps?outage=30m", "e", dir, Map.of());
        assertThat(s.outage()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(s.redacted()).isEqualTo("postgresql://bob:***@db.lab:5432/exps?schema=retort&outage=1800000ms");
        assertThat(s.workerArgs().get(1)).as("workers wait as long").endsWith("&outage=1800000ms").doesNotContain("pw-9q");
        assertThatThrownBy(() -> StoreLocation.of("--store", "postgresql://bob:pw-9q@db.lab/exps?outage=forever", "e", dir, Map.of()))
                .isInstanceOf(dev.retort.PlanException.class)
                .hasMessageContaining("--store")
                .hasMessageContaining("outage 'forever'")
                .hasMessageContaining("a duration such as 30s, 5m or 1h")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw-9q"));
    }

    private static long configI(TrialRecord t) {
        return t.config().getLong("i");
    }
}
