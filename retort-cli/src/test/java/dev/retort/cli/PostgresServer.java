package dev.retort.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (embedded binaries from Maven), with a role that must give its
 * password over TCP, so tests prove a password reaches every process that connects.
 */
final class PostgresServer {
    static final String USER = "alice";
    static final String PASSWORD = "Pw-7zq!k3Lm";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres server;

    private PostgresServer() {
    }

    static synchronized EmbeddedPostgres get() {
        if (server != null) return server;
        try {
            server = EmbeddedPostgres.builder().start();
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
        try (Connection c = s.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("SET password_encryption = 'scram-sha-256'");
            st.execute("CREATE ROLE " + USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "'");
            Path hba;
            try (ResultSet rs = st.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            // first match wins: alice over TCP must authenticate; everyone else stays trusted
            Files.writeString(hba, "host all " + USER + " 127.0.0.1/32 scram-sha-256\nhost all " + USER + " ::1/128 scram-sha-256\n"
                    + Files.readString(hba));
            st.execute("SELECT pg_reload_conf()");
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot set up role " + USER + ": " + e.getMessage(), e);
        }
        return server;
    }

    static String freshSchema(String hint) {
        return "c" + SCHEMAS.incrementAndGet() + "_" + ProcessHandle.current().pid() + "_" + hint;
    }

    /** The store URL of {@code schema} for alice, with the password in it or not. */
    static String url(String schema, boolean withPassword) {
        return "postgresql://" + USER + (withPassword ? ":" + PASSWORD : "") + "@127.0.0.1:" + get().getPort() + "/postgres?schema=" + schema;
    }
}
