package dev.retort.store.jdbc;

import dev.retort.PlanException;
import dev.retort.store.ExperimentRow;
import dev.retort.store.TrialState;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies one experiment from one store to another (SQLite and PostgreSQL, either way): the experiment row,
 * every trial with every column (state, attempt, version, result, phase, times), its config keys and its
 * counters, and its worker rows (which processes ran it, on which hosts), in one transaction of the
 * destination. Trial ids are kept when the destination has none of them in
 * use (a fresh store or schema); otherwise they are moved past the destination's largest id, and the result
 * says so, because trial directories under the source's artifact root keep their old names.
 */
public final class StoreCopy {
    private StoreCopy() {
    }

    /** What a copy did. */
    public record Result(String experiment, long trials, Map<TrialState, Long> byState, long idOffset, boolean replaced) {
    }

    private static final int BATCH = 500;
    /** Column kinds of {@link Dialect#COPIED_TRIAL_COLUMNS}, in order: L long, S text, D double. */
    private static final String KINDS = "LLSLSLLSLLLLLSDSDSLDLL";

    private record Row(Object[] values) {
    }

    /**
     * @param replace delete an experiment of that name in {@code dst} first; without it such an experiment is a
     *                user error (exit 2)
     */
    public static Result copy(Database src, Database dst, String name, boolean replace) {
        if (KINDS.length() != Dialect.COPIED_TRIAL_COLUMN_COUNT) throw new dev.retort.BugException("column kinds out of step with the copied columns");
        ExperimentRow from = src.find(name).orElseThrow(() -> new PlanException(src.location() + " holds no experiment '" + name
                + "'; allowed: " + String.join(", ", src.experimentNames())));
        List<Row> rows = new ArrayList<>();
        List<long[]> keys = new ArrayList<>();
        List<Object[]> workers = new ArrayList<>();
        List<Object[]> reports = new ArrayList<>();
        try {
            src.admin((c, ps) -> {
                PreparedStatement p = ps.get(src.dialect().selectTrialRows());
                p.setLong(1, from.id());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) rows.add(read(rs));
                }
                PreparedStatement k = ps.get(src.dialect().selectKeyRows());
                k.setLong(1, from.id());
                try (ResultSet rs = k.executeQuery()) {
                    while (rs.next()) keys.add(new long[]{rs.getLong(1), rs.getLong(2)});
                }
                PreparedStatement w = ps.get(src.dialect().selectWorkerRows());
                w.setLong(1, from.id());
                try (ResultSet rs = w.executeQuery()) {
                    while (rs.next()) {
                        long stopped = rs.getLong(6);
                        workers.add(new Object[]{rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                                rs.wasNull() ? null : stopped});
                    }
                }
                PreparedStatement r = ps.get(src.dialect().selectReportRows());
                r.setLong(1, from.id());
                try (ResultSet rs = r.executeQuery()) {
                    while (rs.next())
                        reports.add(new Object[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5)});
                }
                return null;
            });
        } catch (SQLException e) {
            throw src.dialect().translate("reading experiment '" + name + "' to copy it", e);
        }
        long running = rows.stream().filter(r -> "RUNNING".equals(r.values()[4])).count();
        if (running > 0)
            throw new PlanException("experiment '" + name + "' in " + src.location() + " has " + running + " RUNNING trials"
                    + "; allowed: a store whose workers have stopped (wait for them, or return the trials with"
                    + " 'retort reset --running --force')");
        boolean exists = dst.find(name).isPresent();
        if (exists && !replace)
            throw new PlanException(dst.location() + " holds an experiment '" + name + "' already; allowed: another store,"
                    + " or --replace to delete it and copy this one in its place");
        Dialect sql = dst.dialect();
        try {
            return dst.admin((c, ps) -> {
                sql.beginWrite(c, ps);
                boolean ok = false;
                try {
                    Optional<ExperimentRow> old = dst.find(ps, name);
                    if (old.isPresent()) {
                        for (String d : sql.deleteExperiment()) {
                            PreparedStatement p = ps.get(d);
                            p.setLong(1, old.get().id());
                            p.executeUpdate();
                        }
                    }
                    ExperimentRow to = dst.insertExperiment(c, ps, from.name(), from.planJson(), from.planHash(), from.metricName(), from.metricGoal());
                    PreparedStatement st = ps.get(sql.copyExperimentState());
                    st.setString(1, from.registeredHash());
                    st.setString(2, from.settingsJson());
                    st.setLong(3, from.createdAt());
                    st.setLong(4, to.id());
                    st.executeUpdate();

                    String lock = sql.lockTrialIds();
                    if (lock != null) ps.get(lock).execute();
                    long maxId;
                    try (ResultSet rs = ps.get(sql.maxTrialId()).executeQuery()) {
                        maxId = rs.next() ? rs.getLong(1) : 0L;
                    }
                    long minId = rows.stream().mapToLong(r -> (Long) r.values()[0]).min().orElse(Long.MAX_VALUE);
                    long offset = minId > maxId ? 0 : maxId;
                    EnumMap<TrialState, Long> n = new EnumMap<>(TrialState.class);
                    EnumMap<TrialState, Double> cost = new EnumMap<>(TrialState.class);
                    PreparedStatement ins = ps.get(sql.insertTrialRow());
                    int batched = 0;
                    for (Row r : rows) {
                        ins.setLong(1, to.id());
                        for (int i = 0; i < KINDS.length(); i++) {
                            Object v = i == 0 ? (Long) r.values()[0] + offset : r.values()[i];
                            bind(ins, i + 2, KINDS.charAt(i), v);
                        }
                        ins.addBatch();
                        if (++batched == BATCH) {
                            ins.executeBatch();
                            batched = 0;
                        }
                        TrialState s = TrialState.valueOf((String) r.values()[4]);
                        n.merge(s, 1L, Long::sum);
                        if (r.values()[16] != null) cost.merge(s, (Double) r.values()[16], Double::sum);
                    }
                    if (batched > 0) ins.executeBatch();
                    PreparedStatement key = ps.get(sql.insertKeys(1));
                    batched = 0;
                    for (long[] k : keys) {
                        key.setLong(1, to.id());
                        key.setLong(2, k[0]);
                        key.setLong(3, k[1] + offset);
                        key.addBatch();
                        if (++batched == BATCH) {
                            key.executeBatch();
                            batched = 0;
                        }
                    }
                    if (batched > 0) key.executeBatch();
                    PreparedStatement wi = ps.get(sql.insertWorkerRow());
                    for (Object[] w : workers) {
                        wi.setLong(1, to.id());
                        wi.setString(2, (String) w[0]);
                        wi.setString(3, (String) w[1]);
                        wi.setLong(4, (Long) w[2]);
                        wi.setLong(5, (Long) w[3]);
                        wi.setLong(6, (Long) w[4]);
                        bind(wi, 7, 'L', w[5]);
                        wi.executeUpdate();
                    }
                    PreparedStatement ri = ps.get(sql.insertReportRow());
                    for (Object[] r : reports) { // keyed by trial seq and attempt: unchanged by an id offset
                        ri.setLong(1, to.id());
                        ri.setLong(2, (Long) r[0]);
                        ri.setLong(3, (Long) r[1]);
                        ri.setLong(4, (Long) r[2]);
                        ri.setString(5, (String) r[3]);
                        ri.setLong(6, (Long) r[4]);
                        ri.addBatch();
                    }
                    if (!reports.isEmpty()) ri.executeBatch();
                    PreparedStatement count = ps.get(sql.setCount());
                    for (TrialState s : TrialState.values()) {
                        count.setLong(1, n.getOrDefault(s, 0L));
                        count.setDouble(2, cost.getOrDefault(s, 0.0));
                        count.setLong(3, to.id());
                        count.setString(4, s.name());
                        count.executeUpdate();
                    }
                    sql.commit(c, ps);
                    ok = true;
                    return new Result(name, rows.size(), n, offset, old.isPresent());
                } finally {
                    if (!ok) {
                        try {
                            sql.rollback(c, ps);
                        } catch (SQLException ignored) {
                            // the original failure is the one to report
                        }
                    }
                }
            });
        } catch (SQLException e) {
            throw sql.translate("copying experiment '" + name + "' into it", e);
        }
    }

    private static Row read(ResultSet rs) throws SQLException {
        Object[] v = new Object[KINDS.length()];
        for (int i = 0; i < v.length; i++) {
            int col = i + 1;
            v[i] = switch (KINDS.charAt(i)) {
                case 'L' -> {
                    long x = rs.getLong(col);
                    yield rs.wasNull() ? null : x;
                }
                case 'D' -> {
                    double x = rs.getDouble(col);
                    yield rs.wasNull() ? null : x;
                }
                default -> rs.getString(col);
            };
        }
        return new Row(v);
    }

    private static void bind(PreparedStatement p, int index, char kind, Object v) throws SQLException {
        switch (kind) {
            case 'L' -> {
                if (v == null) p.setNull(index, Types.BIGINT);
                else p.setLong(index, (Long) v);
            }
            case 'D' -> {
                if (v == null) p.setNull(index, Types.DOUBLE);
                else p.setDouble(index, (Double) v);
            }
            default -> {
                if (v == null) p.setNull(index, Types.VARCHAR);
                else p.setString(index, (String) v);
            }
        }
    }
}
