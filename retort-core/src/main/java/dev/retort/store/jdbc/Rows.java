package dev.retort.store.jdbc;

import dev.retort.space.Config;
import dev.retort.store.TrialRecord;
import dev.retort.store.TrialState;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps result-set rows (column order of the dialects' trial selects) to records. */
final class Rows {
    private Rows() {
    }

    static TrialRecord trial(ResultSet rs) throws SQLException {
        Config config = Config.fromJson(rs.getString(2));
        return new TrialRecord(rs.getLong(1), config,
                TrialState.valueOf(rs.getString(3)), rs.getInt(4), rs.getLong(5), rs.getString(6),
                nullableLong(rs, 7), nullableLong(rs, 8), rs.getLong(9), nullableLong(rs, 10), nullableLong(rs, 11),
                rs.getString(12), nullableDouble(rs, 13), rs.getString(14), nullableDouble(rs, 15), rs.getString(16),
                nullableDouble(rs, 17), nullableInt(rs, 18), nullableLong(rs, 19));
    }

    private static Long nullableLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }

    private static Double nullableDouble(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }
}
