package dev.retort.engine;

import dev.retort.plan.Plan;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.store.Counts;
import dev.retort.store.StoreLocation;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import dev.retort.test.JavaProcesses;
import dev.retort.test.PostgresServer;
import dev.retort.test.WorkerMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real worker JVMs against one real PostgreSQL server: many at once, and one killed with SIGKILL. */
class PostgresWorkersTest {
    @TempDir
    Path dir;
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void four_worker_processes_finish_two_thousand_trials_each_done_exactly_once() throws Exception {
        int trials = 2_000, workers = 4;
        StoreLocation.Server at = PostgresServer.location("workers", "many", dir.resolve("many"));
        String values = IntStream.rangeClosed(1, trials).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        Plan plan = new PlanParser(getClass().getClassLoader()).parse(
                "experiment: many\nobjective: {class: dev.retort.test.FileGateObjective}\nspace: {i: [" + values + "], gate: ['"
                        + dir.resolve("go") + "']}\n", "many.yaml", dir);
        try (Experiment exp = Experiment.open(plan, at, Experiment.Options.of(Experiment.Mode.STRICT), Clock.systemUTC())) {
            assertThat(exp.awaitRegistered(60_000)).isTrue();
        }

        List<Process> ps = new ArrayList<>();
        for (int w = 0; w < workers; w++) ps.add(start(at, "w" + w, "0"));
        ConnectionSampler connections = new ConnectionSampler(ps);
        connections.start();
        // every worker holds a trial before any finishes one: the work is shared however late a JVM starts
        try (Experiment exp = Experiment.join(at, Clock.systemUTC()); TrialStore store = exp.store()) {
            dev.retort.test.Await.until("each of the " + workers + " workers to hold a trial", 120_000, () ->
                    store.trials(TrialState.RUNNING).stream().map(TrialRecord::worker).distinct().count() == workers ? true : null);
        }
        Files.writeString(dir.resolve("go"), "");
        long done = 0;
        for (int w = 0; w < workers; w++) {
            Process p = ps.get(w);
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("worker %d exits", w).isTrue();
            String log = log("w" + w);
            assertThat(p.exitValue()).as(log).isZero();
            Matcher m = Pattern.compile("summary evaluated=(\\d+) done=(\\d+) lost=0 reason=no trials left").matcher(log);
            assertThat(m.find()).as(log).isTrue();
            done += Long.parseLong(m.group(2));
        }
        assertThat(done).as("trials the workers say they finished").isEqualTo(trials);
        connections.join();
        assertThat(connections.samples).as("samples of the server's connections").isPositive();
        assertThat(connections.seen).as("worker processes seen connected").isNotEmpty();
        assertThat(connections.most).as("most connections one worker process held at once").isBetween(1, 2);
        try (Experiment exp = Experiment.join(at, Clock.systemUTC()); TrialStore store = exp.store()) {
            Counts c = store.counts();
            assertThat(c.get(TrialState.DONE)).isEqualTo(trials);
            assertThat(c.total()).isEqualTo(trials);
            List<TrialRecord> all = store.trials(null);
            assertThat(all).hasSize(trials).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(TrialState.DONE);
                assertThat(t.attempt()).as("trial %d ran once", t.id()).isEqualTo(1);
                assertThat(t.version()).as("trial %d: one claim, one completion", t.id()).isEqualTo(2);
            });
            assertThat(all.stream().map(TrialRecord::worker).distinct().count()).as("the work was shared").isEqualTo(workers);
        }
    }

    @Test
    void a_killed_workers_trial_comes_back_after_its_lease_and_is_done_once_by_the_next_worker() throws Exception {
        StoreLocation.Server at = PostgresServer.location("kill9", "kill9", dir.resolve("kill9"));
        Plan plan = new PlanParser(getClass().getClassLoader()).parse("""
                experiment: kill9
                objective: {class: dev.retort.test.SocketObjective}
                space: {i: [7]}
                store: {lease: 2s, heartbeat: 500ms}
                """, "kill9.yaml", dir);
        Experiment.open(plan, at, Experiment.Options.of(Experiment.Mode.STRICT), Clock.systemUTC()).close();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Experiment exp = Experiment.join(at, Clock.systemUTC()); TrialStore store = exp.store()) {
            server.setSoTimeout(60_000);
            String port = Integer.toString(server.getLocalPort());
            Process first = start(at, "w1", port);
            Socket firstCall = server.accept();
            assertThat(readLine(firstCall)).startsWith("started 1 1 " + first.pid());
            assertThat(store.trials(null).get(0).worker()).isEqualTo("w1");

            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).isEqualTo(137);
            firstCall.close();
            assertThat(store.trials(null).get(0).state()).as("a killed worker returns nothing by itself").isEqualTo(TrialState.RUNNING);
            long leaseOfKilled = store.trials(null).get(0).leaseUntil();

            Process second = start(at, "w2", port);
            Socket secondCall = server.accept(); // attempt 2: the lease lapsed and w2 reclaimed it
            assertThat(readLine(secondCall)).startsWith("started 1 2 " + second.pid());
            TrialRecord retried = store.trials(null).get(0);
            assertThat(retried.startedAt()).as("attempt 2 starts after the killed worker's lease, by the server's clock")
                    .isGreaterThanOrEqualTo(leaseOfKilled);
            assertThat(retried.error()).isEqualTo("lease of worker w1 expired during attempt 1");
            new PrintWriter(secondCall.getOutputStream(), true, StandardCharsets.UTF_8).println("go");
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).as(log("w2")).isZero();
            assertThat(log("w2")).contains("summary evaluated=1 done=1 lost=0 reason=no trials left");
            secondCall.close();

            TrialRecord t = store.trials(null).get(0);
            assertThat(t.state()).isEqualTo(TrialState.DONE);
            assertThat(t.attempt()).isEqualTo(2);
            assertThat(t.version()).as("claim, reclaim, claim, complete").isEqualTo(4);
            assertThat(t.resultJson()).contains("\"pid\":" + second.pid()).doesNotContain("\"pid\":" + first.pid());
            assertThat(store.counts().get(TrialState.DONE)).isEqualTo(1);
        }
    }

    /** Reads the server's connections per worker process (application_name retort-PID) until the workers exit. */
    static final class ConnectionSampler extends Thread {
        final List<Process> workers;
        final java.util.Set<String> seen = new java.util.HashSet<>();
        volatile int most, samples;

        ConnectionSampler(List<Process> workers) {
            this.workers = workers;
            setDaemon(true);
        }

        @Override
        public void run() {
            java.util.Set<String> names = new java.util.HashSet<>();
            workers.forEach(p -> names.add("retort-" + p.pid()));
            String url = "jdbc:postgresql://localhost:" + PostgresServer.port() + "/postgres";
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "");
                 java.sql.PreparedStatement q = c.prepareStatement(
                         "SELECT application_name, count(*) FROM pg_stat_activity WHERE application_name LIKE 'retort-%' GROUP BY 1")) {
                while (workers.stream().anyMatch(Process::isAlive)) {
                    try (java.sql.ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            if (!names.contains(rs.getString(1))) continue;
                            seen.add(rs.getString(1));
                            most = Math.max(most, rs.getInt(2));
                        }
                    }
                    samples++;
                    Thread.sleep(5); // a sampling interval, not a synchronisation
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Process start(StoreLocation.Server at, String id, String port) throws Exception {
        String url = at.workerArgs().get(1);
        Process p = JavaProcesses.start(WorkerMain.class, dir.resolve(id + ".log"), url, id, port, at.experiment(), at.artifacts().toString());
        started.add(p);
        return p;
    }

    private String log(String id) throws Exception {
        return Files.readString(dir.resolve(id + ".log"));
    }

    private static String readLine(Socket s) throws Exception {
        s.setSoTimeout(60_000);
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
}
