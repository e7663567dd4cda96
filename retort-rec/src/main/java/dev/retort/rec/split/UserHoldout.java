package dev.retort.rec.split;

import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.SeededRandom;

import java.util.List;

/**
 * Per-user random holdout: of each user's {@code n} rows, {@code round(fraction * n)} random ones go to test
 * and {@code round(validation * n)} to validation, but each user keeps at least one train row (so users
 * with a single row are train-only).
 *
 * @param fraction   test share per user, in (0, 1)
 * @param validation validation share per user, in [0, 1), {@code fraction + validation < 1}; 0 = none
 * @param seed       fixes the per-user shuffles
 */
public record UserHoldout(double fraction, double validation, long seed) implements SplitSpec {
    public UserHoldout {
        Params.fraction("holdout.fraction", fraction);
        Params.validation("holdout.validation", validation, fraction);
    }

    @Override
    public List<SplitResult> applyReported(Interactions data) {
        Groups g = Groups.byUser(data);
        SeededRandom rnd = new SeededRandom(seed);
        byte[] role = new byte[data.size()];
        for (int u = 0; u < g.users(); u++) {
            int from = g.start[u];
            int n = g.size(u);
            rnd.shuffle(g.rows, from, from + n);
            int nTest = Params.share(fraction, n, n - 1);
            int nVal = Params.share(validation, n, n - 1 - nTest);
            for (int k = 0; k < nTest; k++) role[g.rows[from + k]] = Role.TEST;
            for (int k = nTest; k < nTest + nVal; k++) role[g.rows[from + k]] = Role.VALIDATION;
        }
        return List.of(Assembler.assemble("holdout", data, role, validation > 0));
    }
}
