package dev.retort.rec.split;

import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.SeededRandom;

import java.util.List;

/**
 * Leave-one-out: per user one row goes to test (and with {@code validation}, one more to validation), the
 * rest to train. {@link Order#TIME} takes the latest row (ties: last in file) and the one before it;
 * {@link Order#RANDOM} picks them at random. A null order means time when the data has timestamps, else
 * random. Users need 2 rows to get a test row and 3 to also get a validation row; others stay train-only.
 */
public record LeaveOneOut(Order by, boolean validation, long seed) implements SplitSpec {
    /** How the held-out row is chosen. */
    public enum Order { TIME, RANDOM }

    @Override
    public List<SplitResult> applyReported(Interactions data) {
        Order order = by != null ? by : data.hasTimestamps() ? Order.TIME : Order.RANDOM;
        if (order == Order.TIME && !data.hasTimestamps()) {
            throw PlanException.at(null, "leave_one_out.by", "time", "needs timestamps but the data has none", "random");
        }
        Groups g = Groups.byUser(data);
        if (order == Order.TIME) g.sortByTime(data);
        SeededRandom rnd = new SeededRandom(seed);
        byte[] role = new byte[data.size()];
        for (int u = 0; u < g.users(); u++) {
            int from = g.start[u];
            int end = g.start[u + 1];
            if (order == Order.RANDOM) rnd.shuffle(g.rows, from, end);
            int n = end - from;
            if (n >= 2) role[g.rows[end - 1]] = Role.TEST;
            if (validation && n >= 3) role[g.rows[end - 2]] = Role.VALIDATION;
        }
        return List.of(Assembler.assemble("leave-one-out", data, role, validation));
    }
}
