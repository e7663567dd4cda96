package dev.retort.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** {@link Statements} of one connection, closed together. Not thread-safe: its owner serialises the calls. */
final class StatementCache implements Statements, AutoCloseable {
    private final Connection conn;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    StatementCache(Connection conn) {
        this.conn = conn;
    }

    @Override
    public PreparedStatement get(String sql) throws SQLException {
        PreparedStatement p = prepared.get(sql);
        if (p == null) {
            p = conn.prepareStatement(sql);
            prepared.put(sql, p);
        }
        return p;
    }

    @Override
    public void close() {
        for (PreparedStatement p : prepared.values()) {
            try {
                p.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        prepared.clear();
    }
}
