package dev.retort.engine;

import dev.retort.store.ClaimedTrial;
import dev.retort.store.DiskFullException;
import dev.retort.store.StoreException;
import dev.retort.store.TrialStore;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every heartbeat interval: renews the leases of a worker's held trials and reports the ones it lost, then
 * returns other workers' lapsed leases to PENDING (or FAILED after {@code max_attempts}). Reclaiming on every
 * beat, not only when a claim comes back empty, puts a dead worker's trial back within one lease plus one
 * heartbeat even while PENDING trials keep every live worker busy.
 */
public final class Heartbeat {
    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

    private final TrialStore store;
    private final Map<Long, ClaimedTrial> held;
    private final Consumer<Set<Long>> onLost;
    private final Consumer<StoreException> onFault;
    private final String workerId;
    private final ScheduledExecutorService timer;

    /**
     * @param onLost  told the ids of held trials that were reclaimed
     * @param onFault told when the store is damaged or gone: the worker must stop, nothing more can be recorded
     */
    public Heartbeat(TrialStore store, Map<Long, ClaimedTrial> held, Consumer<Set<Long>> onLost,
                     Consumer<StoreException> onFault, String workerId) {
        this.store = store;
        this.held = held;
        this.onLost = onLost;
        this.onFault = onFault;
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
            // renew first: a worker that was frozen past its lease keeps a trial nobody took meanwhile
            Set<Long> lost = store.renew(new ArrayList<>(held.values()));
            if (!lost.isEmpty()) onLost.accept(lost);
            int reclaimed = store.reclaimExpired();
            if (reclaimed > 0) LOG.info(workerId + ": returned " + reclaimed + " trials whose leases lapsed");
            store.workerHeartbeat(workerId);
        } catch (StoreException e) {
            if (e.stopsWrites() || e instanceof DiskFullException) {
                onFault.accept(e);
                throw e; // no further beats
            }
            LOG.log(Level.WARNING, workerId + ": heartbeat failed: " + e.getMessage());
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
