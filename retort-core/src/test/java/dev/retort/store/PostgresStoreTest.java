package dev.retort.store;

import dev.retort.PlanException;
import dev.retort.space.Config;
import dev.retort.store.jdbc.Database;
import dev.retort.test.PostgresServer;
import dev.retort.test.SettableClock;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What only a server store has: hosts migrating at once, hosts whose clocks disagree, a server that is not there. */
class PostgresStoreTest {
    static final StoreSettings SETTINGS = new StoreSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), 3);

    @Test
    void eight_hosts_opening_a_fresh_schema_at_once_apply_each_migration_once_and_create_one_experiment() throws Exception {
        StoreLocation.Server at = PostgresServer.location("migrate", null, Path.of("unused"));
        int hosts = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(hosts);
        List<Future<Long>> ids = new ArrayList<>();
        try {
            for (int i = 0; i < hosts; i++) {
                ids.add(pool.submit(() -> {
                    go.await();
                    try (Database db = Database.open(at, java.time.Clock.systemUTC())) {
                        return db.create("same", "{}", "h", "value", "MINIMIZE").id();
                    }
                }));
            }
            go.countDown();
            long first = ids.get(0).get();
            for (Future<Long> f : ids) assertThat(f.get()).as("every host finds the one experiment").isEqualTo(first);
        } finally {
            pool.shutdownNow();
        }
        assertThat(query(at, "SELECT count(*) || ':' || max(version) FROM schema_version")).isEqualTo("3:3"); // V1..V3, once each
        assertThat(query(at, "SELECT count(*) FROM experiment")).isEqualTo("1");
        assertThat(query(at, "SELECT count(*) FROM trial_count")).isEqualTo(String.valueOf(TrialState.values().length));
    }

    @Test
    void hosts_whose_clocks_are_ten_minutes_apart_neither_steal_live_trials_nor_keep_dead_ones() {
        StoreLocation.Server at = PostgresServer.location("clocks", null, Path.of("unused"));
        Instant real = Instant.now();
        SettableClock ahead = new SettableClock(real.plus(Duration.ofMinutes(10)));
        SettableClock behind = new SettableClock(real.minus(Duration.ofMinutes(10)));
        try (Database a = Database.open(at, ahead); Database b = Database.open(at, behind)) {
            ExperimentRow e = a.create("clocks", "{}", "h", "value", "MINIMIZE");
            try (TrialStore sa = a.open(e, SETTINGS); TrialStore sb = b.open(e, SETTINGS)) {
                sa.register(IntStream.range(0, 2).mapToObj(i -> Config.of("i", i)).iterator());
                long serverNow = Long.parseLong(query(at, "SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint"));

                ClaimedTrial heldByBehind = sb.claim("behind", 1, null, true).get(0);
                TrialRecord t = sa.trials(TrialState.RUNNING).get(0);
                assertThat(t.leaseUntil()).as("the lease is server time + 30 s, not the host's").isBetween(serverNow + 25_000, serverNow + 35_000);
                // what status and reset compare leases with: the server's time on both hosts, not their own clocks
                assertThat(sa.now()).as("store time on the host 10 min ahead").isBetween(serverNow - 5_000, serverNow + 5_000);
                assertThat(sb.now()).as("store time on the host 10 min behind").isBetween(serverNow - 5_000, serverNow + 5_000);
                assertThat(sa.reclaimExpired()).as("the host 10 min ahead does not steal a live trial").isZero();

                ClaimedTrial heldByAhead = sa.claim("ahead", 1, null, true).get(0);
                assertThat(sb.reclaimExpired()).as("nothing has lapsed yet").isZero();
                // 31 s pass on both hosts; the host ahead died meanwhile, the one behind renewed its lease
                ahead.advance(Duration.ofSeconds(31));
                behind.advance(Duration.ofSeconds(20));
                assertThat(sb.renew(List.of(heldByBehind))).isEmpty();
                behind.advance(Duration.ofSeconds(11));
                assertThat(sb.reclaimExpired()).as("the host 10 min behind reclaims the dead host's trial").isEqualTo(1);
                assertThat(sb.trials(null)).filteredOn(r -> r.id() == heldByAhead.id()).singleElement()
                        .satisfies(r -> assertThat(r.state()).isEqualTo(TrialState.PENDING));
                assertThat(sa.reclaimExpired()).as("the renewed trial stays with its live worker").isZero();
                sb.complete(heldByBehind, Outcome.done("{}", 1.0, null));
                assertThat(sa.counts().get(TrialState.DONE)).isEqualTo(1);
            }
        }
    }

    @Test
    void a_server_that_is_not_there_is_one_clear_message_naming_the_redacted_url() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        StoreLocation at = StoreLocation.of("--store", "postgresql://alice:pw-Zq81@127.0.0.1:" + port + "/exps", "x", Path.of("x"), Map.of());
        assertThatThrownBy(() -> Database.open(at, java.time.Clock.systemUTC()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot reach the store postgresql://alice:***@127.0.0.1:" + port + "/exps?schema=retort")
                .hasMessageContaining("check that the server is running")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw-Zq81"));
    }

    @Test
    void store_urls_are_read_with_their_defaults_and_bad_ones_refused_naming_the_flag_without_the_password() {
        StoreLocation.Server s = StoreLocation.parse("--store", "postgresql://bob:p%40ss@db.lab/exps", "e", Path.of("a"), Map.of());
        assertThat(s.user()).isEqualTo("bob");
        assertThat(s.password()).isEqualTo("p@ss");
        assertThat(s.port()).isEqualTo(5432);
        assertThat(s.schema()).isEqualTo("retort");
        assertThat(s.redacted()).isEqualTo("postgresql://bob:***@db.lab:5432/exps?schema=retort");
        assertThat(String.join(" ", s.workerArgs())).doesNotContain("p@ss").contains("postgresql://bob@db.lab:5432/exps?schema=retort");
        assertThat(s.workerEnv()).containsEntry(StoreLocation.PASSWORD_ENV, "p@ss");
        assertThat(s.toString()).doesNotContain("p@ss");

        StoreLocation.Server env = StoreLocation.parse("RETORT_STORE", "postgres://bob@h:6543/d?schema=lab_1", "e", Path.of("a"),
                Map.of("PGPASSWORD", "from-pg", StoreLocation.PASSWORD_ENV, "from-retort"));
        assertThat(env.password()).as("RETORT_STORE_PASSWORD before PGPASSWORD").isEqualTo("from-retort");
        assertThat(env.schema()).isEqualTo("lab_1");
        assertThat(StoreLocation.parse("--store", "postgresql://bob@h/d", "e", Path.of("a"), Map.of("PGPASSWORD", "x")).password()).isEqualTo("x");

        for (String bad : List.of("mysql://bob:sec-ret1@h/d", "postgresql://bob:sec-ret1@h", "postgresql://h/d",
                "postgresql://bob:sec-ret1@h/d?schema=Bad-Name", "postgresql://bob:sec-ret1@h/d?sslmode=x", "postgresql://bob:sec-ret1@/d")) {
            assertThatThrownBy(() -> StoreLocation.parse("--store", bad, "e", Path.of("a"), Map.of()))
                    .as(bad).isInstanceOf(PlanException.class)
                    .hasMessageStartingWith("--store: ")
                    .hasMessageContaining("allowed: ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sec-ret1"));
        }
    }

    private static String query(StoreLocation.Server at, String sql) {
        String url = "jdbc:postgresql://localhost:" + PostgresServer.port() + "/postgres?currentSchema=" + at.schema();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
