package dev.retort.rec.split;

import dev.retort.rec.data.Interactions;

import java.util.List;

/**
 * Per-user temporal holdout: each user's rows sorted by timestamp (ties in file order); the last
 * {@code round(fraction * n)} go to test, the {@code round(validation * n)} before them to validation, and
 * each user keeps at least one train row. Needs timestamps.
 */
public record UserTemporalHoldout(double fraction, double validation) implements SplitSpec {
    public UserTemporalHoldout {
        Params.fraction("holdout.fraction", fraction);
        Params.validation("holdout.validation", validation, fraction);
    }

    @Override
    public List<SplitResult> applyReported(Interactions data) {
        Groups.requireTimestamps(data, "holdout.by");
        Groups g = Groups.byUser(data);
        g.sortByTime(data);
        byte[] role = new byte[data.size()];
        for (int u = 0; u < g.users(); u++) {
            int n = g.size(u);
            int end = g.start[u + 1];
            int nTest = Params.share(fraction, n, n - 1);
            int nVal = Params.share(validation, n, n - 1 - nTest);
            for (int k = 1; k <= nTest; k++) role[g.rows[end - k]] = Role.TEST;
            for (int k = nTest + 1; k <= nTest + nVal; k++) role[g.rows[end - k]] = Role.VALIDATION;
        }
        return List.of(Assembler.assemble("holdout", data, role, validation > 0));
    }
}
