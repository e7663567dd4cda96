package dev.retort.test;

import dev.retort.store.StoreLocation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, started from the embedded binaries on the test class path (no
 * system installation needed), stopped when the JVM exits. Each test class takes a fresh schema of its own.
 */
public final class PostgresServer {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres server;

    private PostgresServer() {
    }

    /** The running server, started on first use. */
    public static synchronized EmbeddedPostgres get() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
            EmbeddedPostgres s = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return server;
    }

    public static int port() {
        return get().getPort();
    }

    /** A schema no other test uses (created by the store on first open), e.g. {@code t3_trialstore}. */
    public static String freshSchema(String hint) {
        return "t" + SCHEMAS.incrementAndGet() + "_" + ProcessHandle.current().pid() + "_" + hint.toLowerCase().replaceAll("[^a-z0-9_]", "");
    }

    /** The store URL of {@code schema} (user postgres, no password: the embedded server trusts local users). */
    public static String url(String schema) {
        return "postgresql://postgres@localhost:" + port() + "/postgres?schema=" + schema;
    }

    /** A location in a fresh schema, as the CLI would parse it. */
    public static StoreLocation.Server location(String hint, String experiment, Path artifacts) {
        return (StoreLocation.Server) StoreLocation.of("--store", url(freshSchema(hint)), experiment, artifacts, Map.of());
    }

    /** Runs SQL as the superuser (for tests that look at the server itself). */
    public static void exec(String sql) {
        try (Connection c = get().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
