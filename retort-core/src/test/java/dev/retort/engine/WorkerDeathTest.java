package dev.retort.engine;

import dev.retort.plan.Plan;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.store.Counts;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import dev.retort.test.Await;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real worker JVMs that die ({@code kill -9}) or freeze ({@code SIGSTOP}, then {@code SIGCONT}) while other
 * workers go on. Trial 1 of {@link dev.retort.test.GateObjective} is held open over a socket, so the test
 * knows when it runs; other trials sleep a few milliseconds.
 */
class WorkerDeathTest {
    @TempDir
    Path dir;
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.stream().filter(Process::isAlive).forEach(p -> {
            signal(p, "CONT");
            p.destroyForcibly();
        });
    }

    @Test
    void dead_workers_trial_is_back_within_one_lease_plus_one_heartbeat_while_pending_trials_remain() throws Exception {
        Path exp = open("reclaim", 80, 100, "store: {lease: 2s, heartbeat: 500ms}");
        try (ServerSocket server = server(); Experiment e = Experiment.join(exp, Clock.systemUTC()); TrialStore store = e.store()) {
            String port = Integer.toString(server.getLocalPort());
            Process a = start(exp, "a", port);
            Socket first = server.accept();
            assertThat(readLine(first)).startsWith("started 1 1 " + a.pid());
            Process b = start(exp, "b", port);
            Await.until("worker b finishing a trial", 60_000, () -> store.counts().get(TrialState.DONE) > 0 ? true : null);

            a.destroyForcibly();
            assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long leaseOfA = trial(store, 1).leaseUntil();
            record Back(TrialRecord trial, Counts counts, long at) {
            }
            Back back = Await.until("trial 1 leaving the dead worker", 60_000, () -> {
                Counts c = store.counts();
                TrialRecord t = trial(store, 1);
                return t.state() == TrialState.RUNNING && "a".equals(t.worker()) ? null : new Back(t, c, System.currentTimeMillis());
            });
            assertThat(back.counts().get(TrialState.PENDING)).as("reclaimed while PENDING trials remain").isPositive();
            assertThat(back.at() - leaseOfA).as("ms after the dead worker's lease ran out").isLessThanOrEqualTo(500 + 1_500);
            assertThat(back.trial().error()).isEqualTo("lease of worker a expired during attempt 1");

            Socket second = server.accept(); // worker b takes trial 1 next: it is the lowest PENDING id
            assertThat(readLine(second)).startsWith("started 1 2 " + b.pid());
            go(second);
            assertThat(b.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(log(exp, "b")).contains("reason=no trials left");
            assertThat(store.counts().get(TrialState.DONE)).isEqualTo(80);
        }
    }

    @Test
    void worker_waits_for_a_dead_workers_trial_that_max_trials_counts_instead_of_leaving_it_running() throws Exception {
        Path exp = open("maxtrials", 6, 50, "store: {lease: 2s, heartbeat: 500ms}\nlimits: {max_trials: 3}");
        try (ServerSocket server = server(); Experiment e = Experiment.join(exp, Clock.systemUTC()); TrialStore store = e.store()) {
            String port = Integer.toString(server.getLocalPort());
            Process a = start(exp, "a", port);
            Socket first = server.accept();
            assertThat(readLine(first)).startsWith("started 1 1 " + a.pid());
            a.destroyForcibly();
            assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();

            Process b = start(exp, "b", port); // does trials 2 and 3; trial 1 counts toward max_trials while RUNNING
            Socket retry = server.accept(); // ... and must come back for it once the dead worker's lease lapsed
            assertThat(readLine(retry)).startsWith("started 1 2 " + b.pid());
            go(retry);
            assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(log(exp, "b")).contains("evaluated=3 done=3").contains("reason=max_trials reached");
            Counts c = store.counts();
            assertThat(c.get(TrialState.DONE)).isEqualTo(3);
            assertThat(c.get(TrialState.RUNNING)).isZero();
            assertThat(c.get(TrialState.PENDING)).isEqualTo(3);
            assertThat(trial(store, 1).state()).isEqualTo(TrialState.DONE);
        }
    }

    @Test
    void worker_frozen_past_its_lease_goes_on_cleanly_after_it_wakes_and_every_trial_is_done_once() throws Exception {
        Path exp = open("frozen", 200, 40, "store: {lease: 1s, heartbeat: 200ms}");
        try (Experiment e = Experiment.join(exp, Clock.systemUTC()); TrialStore store = e.store()) {
            Process a = start(exp, "a", "0");
            Process b = start(exp, "b", "0");
            Await.until("both workers working", 60_000, () -> {
                List<TrialRecord> running = store.trials(TrialState.RUNNING);
                return running.stream().anyMatch(t -> "a".equals(t.worker())) && running.stream().anyMatch(t -> "b".equals(t.worker())) ? true : null;
            });
            TrialRecord held = null;
            for (int i = 0; i < 20 && held == null; i++) { // freeze a while it holds a trial (it may be between two)
                signal(a, "STOP");
                held = store.trials(TrialState.RUNNING).stream().filter(t -> "a".equals(t.worker())).findFirst().orElse(null);
                if (held == null) signal(a, "CONT");
            }
            assertThat(held).as("worker a frozen while holding a trial").isNotNull();
            TrialRecord frozen = held;
            // the frozen worker's lease lapses and its trial is reclaimed (here by the test, as any worker would)
            Await.until("trial " + frozen.id() + " taken from the frozen worker", 60_000, () -> {
                store.reclaimExpired();
                return trial(store, frozen.id()).version() > frozen.version() ? true : null;
            });
            long pendingAtWake = store.counts().get(TrialState.PENDING);
            signal(a, "CONT");

            assertThat(a.waitFor(60, TimeUnit.SECONDS)).as("the woken worker finishes; log:\n" + log(exp, "a")).isTrue();
            assertThat(b.waitFor(120, TimeUnit.SECONDS)).as("the other worker finishes").isTrue();
            String logA = log(exp, "a");
            assertThat(a.exitValue()).as(logA).isZero();
            assertThat(logA).contains("reason=no trials left").doesNotContain("reason=stopped");
            assertThat(logA).containsPattern("lost=[1-9]");
            assertThat(pendingAtWake).as("trials were left for the woken worker").isPositive();
            Counts c = store.counts();
            assertThat(c.get(TrialState.DONE)).isEqualTo(200);
            assertThat(c.total()).isEqualTo(200);
            assertThat(store.trials(null)).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.DONE));
        }
    }

    private Path open(String name, int trials, int millis, String extra) {
        String values = IntStream.rangeClosed(1, trials).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String yaml = "experiment: " + name + "\nobjective: {class: dev.retort.test.GateObjective}\n"
                + "space: {i: [" + values + "], ms: [" + millis + "]}\n" + extra + "\n";
        Plan plan = new PlanParser(getClass().getClassLoader()).parse(yaml, name + ".yaml", dir);
        Path exp = dir.resolve(name);
        Experiment.open(plan, exp, Experiment.Mode.STRICT, Clock.systemUTC()).close();
        return exp;
    }

    private static TrialRecord trial(TrialStore store, long id) {
        return store.trials(null).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    private Process start(Path exp, String id, String port) throws Exception {
        Process p = JavaProcesses.start(WorkerMain.class, exp.resolve(id + ".log"), exp.toString(), id, port);
        started.add(p);
        return p;
    }

    private static String log(Path exp, String id) throws Exception {
        return Files.readString(exp.resolve(id + ".log"));
    }

    private static ServerSocket server() throws Exception {
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        s.setSoTimeout(60_000);
        return s;
    }

    private static String readLine(Socket s) throws Exception {
        s.setSoTimeout(30_000);
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    private static void go(Socket s) throws Exception {
        new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8).println("go");
    }

    static void signal(Process p, String sig) {
        try {
            new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).inheritIO().start().waitFor();
        } catch (Exception e) {
            throw new AssertionError("kill -" + sig + " " + p.pid() + " failed", e);
        }
    }
}
