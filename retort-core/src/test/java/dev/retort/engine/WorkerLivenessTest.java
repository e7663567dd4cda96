package dev.retort.engine;

import dev.retort.store.WorkerRecord;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker's pid on this host is judged against the process table, and against pid reuse. */
class WorkerLivenessTest {
    @Test
    void a_live_process_that_started_before_the_worker_registered_is_that_worker() {
        long now = System.currentTimeMillis();
        WorkerRecord me = new WorkerRecord("w", Hosts.name(), ProcessHandle.current().pid(), now, now, null);
        assertThat(WorkerLiveness.of(me).state()).isEqualTo(WorkerLiveness.State.ALIVE);
    }

    @Test
    void a_live_process_that_started_after_the_worker_registered_is_a_reused_pid_and_the_worker_is_dead() {
        WorkerRecord old = new WorkerRecord("w", Hosts.name(), ProcessHandle.current().pid(), 0, 0, null);
        WorkerLiveness.Verdict v = WorkerLiveness.of(old);
        assertThat(v.state()).isEqualTo(WorkerLiveness.State.DEAD);
        assertThat(v.why()).contains("is now another process");
    }

    @Test
    void a_pid_that_is_gone_is_dead_and_a_worker_elsewhere_is_unknown() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long now = System.currentTimeMillis();
        WorkerLiveness.Verdict gone = WorkerLiveness.of(new WorkerRecord("w", Hosts.name(), p.pid(), now, now, null));
        assertThat(gone.state()).isEqualTo(WorkerLiveness.State.DEAD);
        assertThat(gone.why()).isEqualTo("pid " + p.pid() + " is gone");
        WorkerRecord far = new WorkerRecord("w", "another-host", 1, now, now, null);
        assertThat(WorkerLiveness.of(far).state()).isEqualTo(WorkerLiveness.State.UNKNOWN);
    }
}
