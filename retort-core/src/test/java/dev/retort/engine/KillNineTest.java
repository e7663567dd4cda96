package dev.retort.engine;

import dev.retort.plan.Plan;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import dev.retort.test.JavaProcesses;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real worker JVM is killed with SIGKILL in the middle of a trial; a second worker gets the trial back once
 * the 2 s lease has lapsed, and finishes it. The objective reports over a socket, so the test waits on
 * events (connections, process exit), not on sleeps.
 */
class KillNineTest {
    @TempDir
    Path dir;
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void killed_workers_trial_returns_after_the_lease_and_is_done_exactly_once_by_the_next_worker() throws Exception {
        Path expDir = dir.resolve("exp");
        String yaml = """
                experiment: kill9
                objective: {class: dev.retort.test.SocketObjective}
                space: {i: [7]}
                store: {lease: 2s, heartbeat: 500ms}
                """;
        Plan plan = new PlanParser(getClass().getClassLoader()).parse(yaml, "kill9.yaml", dir);
        Experiment.open(plan, expDir, Experiment.Mode.STRICT, Clock.systemUTC()).close();

        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Experiment exp = Experiment.join(expDir, Clock.systemUTC()); TrialStore store = exp.store()) {
            server.setSoTimeout(30_000);
            String port = Integer.toString(server.getLocalPort());

            Process first = start(expDir, "w1", port);
            Socket firstCall = server.accept(); // the objective of attempt 1 is running
            String hello1 = readLine(firstCall);
            assertThat(hello1).startsWith("started 1 1 " + first.pid());
            TrialRecord running = store.trials(null).get(0);
            assertThat(running.state()).isEqualTo(TrialState.RUNNING);
            assertThat(running.worker()).isEqualTo("w1");

            first.destroyForcibly(); // SIGKILL: no shutdown hook, no cancel, the lease is left to lapse
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long killedAt = System.currentTimeMillis();
            assertThat(first.exitValue()).isEqualTo(137);
            firstCall.close();
            TrialRecord orphan = store.trials(null).get(0);
            assertThat(orphan.state()).as("a killed worker returns nothing by itself").isEqualTo(TrialState.RUNNING);
            long leaseOfKilled = orphan.leaseUntil();

            Process second = start(expDir, "w2", port);
            Socket secondCall = server.accept(); // attempt 2 began: the lease lapsed and w2 reclaimed it
            long secondStartedAt = System.currentTimeMillis();
            assertThat(readLine(secondCall)).startsWith("started 1 2 " + second.pid());
            TrialRecord retried = store.trials(null).get(0);
            // not before the killed worker's last renewed lease ran out (same machine, same system clock)
            assertThat(retried.startedAt()).as("attempt 2 start vs the killed worker's lease").isGreaterThanOrEqualTo(leaseOfKilled);
            assertThat(secondStartedAt).isGreaterThanOrEqualTo(leaseOfKilled);
            assertThat(leaseOfKilled).as("the heartbeat kept the lease ahead of the clock until the kill").isGreaterThan(killedAt - 2_000);
            assertThat(retried.state()).isEqualTo(TrialState.RUNNING);
            assertThat(retried.attempt()).isEqualTo(2);
            assertThat(retried.worker()).isEqualTo("w2");
            assertThat(retried.error()).isEqualTo("lease of worker w1 expired during attempt 1");

            new PrintWriter(secondCall.getOutputStream(), true, StandardCharsets.UTF_8).println("go");
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String log = Files.readString(expDir.resolve("w2.log"));
            assertThat(second.exitValue()).as(log).isZero();
            assertThat(log).contains("summary evaluated=1 done=1 lost=0 reason=no trials left");
            secondCall.close();

            List<TrialRecord> all = store.trials(null);
            assertThat(all).hasSize(1);
            TrialRecord t = all.get(0);
            assertThat(t.state()).isEqualTo(TrialState.DONE);
            assertThat(t.attempt()).isEqualTo(2);
            assertThat(t.worker()).isEqualTo("w2");
            // claim, reclaim after expiry, claim, complete: four fenced changes and no write by w1 after the kill
            assertThat(t.version()).isEqualTo(4);
            assertThat(t.resultJson()).contains("\"attempt\":2").contains("\"pid\":" + second.pid())
                    .doesNotContain("\"pid\":" + first.pid());
            assertThat(store.counts().get(TrialState.DONE)).isEqualTo(1);
            assertThat(store.counts().total()).isEqualTo(1);
            // nothing else connected: w1 never got to a second evaluation
            server.setSoTimeout(200);
            assertThat(acceptOrNull(server)).isNull();
        }
    }

    private Process start(Path expDir, String id, String port) throws Exception {
        Process p = JavaProcesses.start(WorkerMain.class, expDir.resolve(id + ".log"), expDir.toString(), id, port);
        started.add(p);
        return p;
    }

    private static String readLine(Socket s) throws Exception {
        s.setSoTimeout(30_000);
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    private static Socket acceptOrNull(ServerSocket server) throws Exception {
        try {
            return server.accept();
        } catch (java.net.SocketTimeoutException e) {
            return null;
        }
    }
}
