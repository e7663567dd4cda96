package dev.retort.engine;

import dev.retort.store.ClaimedTrial;
import dev.retort.store.TrialStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Renews the leases of a worker's held trials every heartbeat interval, and reports the ones it lost. */
public final class Heartbeat {
    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

    private final TrialStore store;
    private final Map<Long, ClaimedTrial> held;
    private final Consumer<Set<Long>> onLost;
    private final String workerId;
    private final ScheduledExecutorService timer;

    public Heartbeat(TrialStore store, Map<Long, ClaimedTrial> held, Consumer<Set<Long>> onLost, Clock clock, String workerId) {
        this.store = store;
        this.held = held;
        this.onLost = onLost;
        this.workerId = workerId;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retort-heartbeat-" + workerId);
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        long every = store.settings().heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            Set<Long> lost = store.renew(new ArrayList<>(held.values()));
            if (!lost.isEmpty()) onLost.accept(lost);
            store.workerHeartbeat(workerId);
        } catch (RuntimeException e) {
            // a missed beat is survivable: the lease is several beats long
            LOG.log(Level.WARNING, workerId + ": heartbeat failed: " + e.getMessage(), e);
        }
    }

    public void stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
