package dev.retort.store;

import dev.retort.store.jdbc.Database;
import dev.retort.test.PostgresServer;

import java.nio.file.Path;
import java.time.Clock;

/** The store contract on a real PostgreSQL server: one schema for the class, one experiment per test. */
class PostgresTrialStoreTest extends TrialStoreContract {
    static final StoreLocation.Server AT = PostgresServer.location("trialstore", null, Path.of("unused"));

    @Override
    Database openDatabase(Clock clock) {
        return Database.open(AT, clock);
    }
}
