package dev.retort.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The database server's clock, read on this host: the local clock plus the offset to the server's
 * {@code clock_timestamp()}, measured once per connection as the midpoint of a round trip. Every time the
 * store writes (leases, heartbeats, start and finish) comes from it, so a host whose clock is minutes ahead or
 * behind writes and compares the same times as every other host (docs/store.md, "Leases across hosts").
 *
 * <p>The offset is the server's time minus {@code local}'s, so a test that moves an injected local clock by
 * hand moves this clock by the same amount.
 */
final class ServerClock extends Clock {
    private final Clock local;
    private final long offsetMillis;

    private ServerClock(Clock local, long offsetMillis) {
        this.local = local;
        this.offsetMillis = offsetMillis;
    }

    static ServerClock measure(Clock local, Connection c) throws SQLException {
        long best = Long.MAX_VALUE, offset = 0;
        for (int i = 0; i < 3; i++) { // the shortest of three round trips bounds the error best
            long t0 = local.millis(), n0 = System.nanoTime();
            long server = PostgresDialect.selectLong(c, "SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint");
            long rtt = System.nanoTime() - n0;
            if (rtt < best) {
                best = rtt;
                offset = server - (t0 + rtt / 2_000_000);
            }
        }
        return new ServerClock(local, offset);
    }

    long offsetMillis() {
        return offsetMillis;
    }

    @Override
    public long millis() {
        return local.millis() + offsetMillis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
