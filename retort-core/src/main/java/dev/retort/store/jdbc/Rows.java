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
        return new TrialRecord(rs.getLong(1), rs.getString(2), Config.fromJson(rs.getString(3)),
                TrialState.valueOf(rs.getString(4)), rs.getInt(5), rs.getLong(6), rs.getString(7),
                nullableLong(rs, 8), nullableLong(rs, 9), rs.getLong(10), nullableLong(rs, 11), nullableLong(rs, 12),
                rs.getString(13), nullableDouble(rs, 14), rs.getString(15), nullableDouble(rs, 16), rs.getString(17));
    }

    private static Long nullableLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static Double nullableDouble(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }
}
