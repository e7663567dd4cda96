package dev.retort.run;

import dev.retort.engine.Hosts;
import dev.retort.plan.Plan;
import dev.retort.store.Counts;
import dev.retort.store.ExperimentRow;
import dev.retort.store.Registrant;
import dev.retort.store.RegistrationState;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import dev.retort.store.jdbc.Database;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Registers a plan's configs on a thread of its own, so that workers start on the first committed chunk
 * while the rest goes in (see {@link TrialStore#registerPlan}). When another live process holds the
 * registration, waits for it, and takes it over if that process dies before finishing.
 *
 * <p>After the first chunk the registrar holds until a worker has claimed a trial (at most {@link #HOLD_NANOS},
 * and not once someone {@link #await}s the whole registration): on two cores, the registrar and its hashing
 * thread would otherwise take the CPU that the worker processes need to start, and the first trial would wait
 * for registration instead of running beside it.
 */
final class PlanRegistration implements AutoCloseable {
    private static final long POLL_NANOS = 100_000_000L;
    /** The longest the registrar holds after its first chunk for a worker to claim a trial. */
    static final long HOLD_NANOS = 5_000_000_000L;
    private static final long HOLD_POLL_NANOS = 10_000_000L;

    private final Database db;
    private final ExperimentRow row;
    private final Plan plan;
    private final String planHash;
    private final Registrant registrant = Registrant.of(Hosts.name());
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean stopping;
    private volatile RuntimeException failure;
    private volatile RegistrationState last;
    private volatile boolean reported;
    private volatile boolean awaited;

    private PlanRegistration(Database db, ExperimentRow row, Plan plan, String planHash) {
        this.db = db;
        this.row = row;
        this.plan = plan;
        this.planHash = planHash;
        this.thread = new Thread(this::run, "retort-register");
        thread.setDaemon(true);
    }

    /**
     * Starts registering and returns once trials can be claimed: the first chunk is committed (by this process
     * or by the registrar it waits for) or everything is registered. A failure before that is thrown here.
     */
    static PlanRegistration start(Database db, ExperimentRow row, Plan plan, String planHash) {
        PlanRegistration r = new PlanRegistration(db, row, plan, planHash);
        r.thread.start();
        try {
            r.ready.await();
        } catch (InterruptedException e) {
            r.close();
            Thread.currentThread().interrupt();
            throw new dev.retort.RetortException("interrupted while registering the trials of '" + row.name() + "'", e);
        }
        RuntimeException f = r.failure;
        if (f != null) {
            r.reported = true;
            r.close();
            throw f;
        }
        return r;
    }

    private void run() {
        try (TrialStore store = db.open(row, plan.store())) {
            while (!stopping) {
                RegistrationState s = store.registerPlan(planHash, plan.search().initial(plan.space()), registrant,
                        () -> holdForFirstClaim(store), () -> stopping);
                last = s;
                if (s != RegistrationState.IN_PROGRESS) break;
                // another process registers: its committed trials can be claimed; take over if it dies
                if (store.counts().total() > 0) ready.countDown();
                LockSupport.parkNanos(POLL_NANOS);
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            ready.countDown();
        }
    }

    /**
     * Lets {@link #start} return, then waits until a trial has been claimed since, the hold has lasted
     * {@link #HOLD_NANOS}, or someone stops or awaits the registration. Runs on the registration thread between
     * two chunks, outside any transaction; the hold is shorter than the registrar's lease.
     */
    private void holdForFirstClaim(TrialStore store) {
        long claimed = claimed(store);
        ready.countDown();
        long deadline = System.nanoTime() + HOLD_NANOS;
        while (!stopping && !awaited && System.nanoTime() - deadline < 0 && claimed(store) == claimed) {
            LockSupport.parkNanos(HOLD_POLL_NANOS);
        }
    }

    private static long claimed(TrialStore store) {
        Counts c = store.counts();
        return c.total() - c.get(TrialState.PENDING);
    }

    /** Waits up to {@code millis} for the thread to end; true when the plan is then completely registered. */
    boolean await(long millis) throws InterruptedException {
        awaited = true;
        LockSupport.unpark(thread);
        thread.join(millis);
        return !thread.isAlive() && last == RegistrationState.COMPLETE;
    }

    /** Whether this process finished the registration (or found it finished); null while it runs. */
    RegistrationState outcome() {
        return thread.isAlive() ? null : last;
    }

    /**
     * Stops between chunks (the lease is given up; the next run resumes) and waits for the thread. A failure of
     * the registration after {@link #start} returned is thrown here, so it cannot pass for a finished run.
     */
    @Override
    public void close() {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RuntimeException f = failure;
        failure = null;
        if (f != null && !reported) throw f;
    }
}
