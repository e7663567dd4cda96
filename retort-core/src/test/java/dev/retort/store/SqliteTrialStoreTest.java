package dev.retort.store;

import dev.retort.store.jdbc.Database;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

/** The store contract on SQLite: one file per test. */
class SqliteTrialStoreTest extends TrialStoreContract {
    @TempDir
    Path dir;

    @Override
    Database openDatabase(Clock clock) {
        return Database.sqlite(dir.resolve("retort.db"), clock);
    }
}
