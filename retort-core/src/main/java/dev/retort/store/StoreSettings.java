package dev.retort.store;

import java.time.Duration;

/**
 * Lease policy. A worker's claim holds a trial for {@code lease}; its heartbeat renews the lease every
 * {@code heartbeat}. A trial whose lease lapses goes back to PENDING, or to FAILED once it has been
 * attempted {@code maxAttempts} times.
 *
 * <p>Defaults: lease 30 s, heartbeat 10 s, 3 attempts: a kill -9'd worker's trial is back in play within
 * 30 s plus one heartbeat of another worker (which reclaims lapsed leases on every beat).
 */
public record StoreSettings(Duration lease, Duration heartbeat, int maxAttempts) {
    public static final StoreSettings DEFAULTS = new StoreSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), 3);

    public StoreSettings {
        if (lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("lease must be > 0, was " + lease);
        if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.compareTo(lease) >= 0)
            throw new IllegalArgumentException("heartbeat must be > 0 and < lease (" + lease + "), was " + heartbeat);
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
}
