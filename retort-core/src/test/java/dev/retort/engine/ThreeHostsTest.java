package dev.retort.engine;

import dev.retort.plan.Plan;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.store.StoreLocation;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import dev.retort.test.Await;
import dev.retort.test.JavaProcesses;
import dev.retort.test.NetNamespaces;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three hosts (Linux network namespaces, each with its own address on a bridge) with four worker processes
 * each, against one PostgreSQL server listening on the bridge. One host loses its network for longer than the
 * lease while it holds trials: those trials are reclaimed and finished on the other hosts; when its network
 * comes back, its late completions are fenced. Every trial ends DONE exactly once, with its own result.
 */
class ThreeHostsTest {
    static final int HOSTS = 3, WORKERS_PER_HOST = 4, TRIALS = 5_000;

    @TempDir
    Path dir;
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void kill_leftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void a_host_cut_off_past_its_lease_loses_its_trials_to_the_others_and_every_trial_is_done_exactly_once() throws Exception {
        try (NetNamespaces net = new NetNamespaces(HOSTS);
             EmbeddedPostgres server = EmbeddedPostgres.builder()
                     .setServerConfig("listen_addresses", "127.0.0.1," + net.bridgeAddress()).start()) {
            trustTheBridge(server, net);
            String url = "postgresql://postgres@" + net.bridgeAddress() + ":" + server.getPort() + "/postgres?schema=three&outage=120s";
            StoreLocation.Server at = (StoreLocation.Server) StoreLocation.of("--store", url, "three", dir.resolve("three"), Map.of());
            String values = IntStream.rangeClosed(1, TRIALS).mapToObj(Integer::toString).collect(Collectors.joining(", "));
            Plan plan = new PlanParser(getClass().getClassLoader()).parse("experiment: three\n"
                    + "objective: {class: dev.retort.test.GateObjective}\n"
                    + "space: {i: [" + values + "], ms: [4]}\n"
                    + "store: {lease: 2s, heartbeat: 500ms}\n", "three.yaml", dir);
            try (Experiment exp = Experiment.open(plan, at, Experiment.Options.of(Experiment.Mode.STRICT), Clock.systemUTC())) {
                assertThat(exp.awaitRegistered(60_000)).isTrue();
            }

            List<Process> workers = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int h = 1; h <= HOSTS; h++) {
                for (int w = 1; w <= WORKERS_PER_HOST; w++) {
                    String id = "h" + h + "w" + w;
                    Process p = JavaProcesses.startWith(net.exec(h), WorkerMain.class, dir.resolve(id + ".log"),
                            at.workerArgs().get(1), id, "0", at.experiment(), at.artifacts().toString());
                    started.add(p);
                    workers.add(p);
                    ids.add(id);
                }
            }

            try (Experiment exp = Experiment.join(at, Clock.systemUTC()); TrialStore store = exp.store()) {
                // host 1's 4 ms trials may all finish between the look and the cut: then its link comes back and the
                // cut is tried again, until it takes host 1 holding trials
                Set<Long> held = Set.of();
                for (int attempt = 0; attempt < 20 && held.isEmpty(); attempt++) {
                    Await.until("host 1 holding trials while the run is under way", 120_000, () ->
                            store.counts().get(TrialState.DONE) >= 300 && !heldByHost1(store).isEmpty() ? true : null);
                    net.cut(1);
                    held = heldByHost1(store);
                    if (held.isEmpty()) net.restore(1);
                }
                assertThat(held).as("trials host 1 holds as it is cut off").isNotEmpty();
                Set<Long> cutOff = held;

                // the other hosts reclaim them once the lease lapses, and finish them
                Await.until("host 1's trials finished on other hosts", 120_000, () -> {
                    for (TrialRecord t : store.trials(null)) {
                        if (cutOff.contains(t.id()) && (t.state() != TrialState.DONE || t.worker().startsWith("h1"))) return null;
                    }
                    return true;
                });
                net.restore(1);

                long done = 0, lostOnHost1 = 0;
                Pattern summary = Pattern.compile("summary evaluated=(\\d+) done=(\\d+) lost=(\\d+) reason=no trials left");
                for (int i = 0; i < workers.size(); i++) {
                    Process p = workers.get(i);
                    assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("worker %s exits", ids.get(i)).isTrue();
                    String log = Files.readString(dir.resolve(ids.get(i) + ".log"));
                    assertThat(p.exitValue()).as(ids.get(i) + ":\n" + log).isZero();
                    Matcher m = summary.matcher(log);
                    assertThat(m.find()).as(ids.get(i) + ":\n" + log).isTrue();
                    done += Long.parseLong(m.group(2));
                    if (ids.get(i).startsWith("h1")) lostOnHost1 += Long.parseLong(m.group(3));
                }
                assertThat(done).as("completions the workers recorded: each trial once").isEqualTo(TRIALS);
                assertThat(lostOnHost1).as("host 1's late completions were fenced").isPositive();

                List<TrialRecord> all = store.trials(null);
                assertThat(all).hasSize(TRIALS).allSatisfy(t -> {
                    assertThat(t.state()).isEqualTo(TrialState.DONE);
                    assertThat(t.metric()).as("trial %d's own result", t.id()).isEqualTo((double) t.config().getLong("i"));
                });
                assertThat(all.stream().filter(t -> cutOff.contains(t.id()))).allSatisfy(t -> {
                    assertThat(t.attempt()).as("trial %d came back after host 1's lease", t.id()).isGreaterThanOrEqualTo(2);
                    assertThat(t.worker()).doesNotStartWith("h1");
                });
                assertThat(all.stream().map(t -> t.worker().substring(0, 2)).distinct().count()).as("every host worked").isEqualTo(HOSTS);
            }
        }
    }

    private static Set<Long> heldByHost1(TrialStore store) {
        return store.trials(TrialState.RUNNING).stream().filter(t -> t.worker().startsWith("h1")).map(TrialRecord::id)
                .collect(Collectors.toSet());
    }

    /** Lets the namespaces' addresses in (the embedded server trusts only local connections by default). */
    private static void trustTheBridge(EmbeddedPostgres server, NetNamespaces net) throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            Path hba;
            try (ResultSet rs = st.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            String subnet = net.bridgeAddress().substring(0, net.bridgeAddress().lastIndexOf('.')) + ".0/24";
            Files.writeString(hba, Files.readString(hba) + "\nhost all all " + subnet + " trust\n");
            st.execute("SELECT pg_reload_conf()");
        }
    }
}
