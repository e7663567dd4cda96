package dev.retort.rec.split;

import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.SeededRandom;

import java.util.ArrayList;
import java.util.List;

/**
 * k-fold cross-validation, giving {@code folds} splits named {@code fold-1-of-k} ... Random: rows are
 * shuffled and cut into k near-equal folds. Per user ({@code byUser}): each user's rows are shuffled and
 * dealt round-robin into the k folds from a random starting fold, so every user is in every test fold;
 * a user with fewer rows than folds is a {@link PlanException} (use a {@code core} step first).
 * With {@code validation > 0}, each split moves that share of rows (of all rows, or of each user's rows)
 * from its train part to validation at random; each user keeps a train row.
 */
public record KFold(int folds, boolean byUser, double validation, long seed) implements SplitSpec {
    public KFold {
        Params.folds("kfold.folds", folds);
        Params.validation("kfold.validation", validation, 1.0 / folds);
    }

    @Override
    public List<SplitResult> applyReported(Interactions data) {
        int n = data.size();
        int[] fold = new int[n];
        SeededRandom rnd = new SeededRandom(seed);
        Groups g = byUser || validation > 0 ? Groups.byUser(data) : null;
        if (byUser) {
            for (int u = 0; u < g.users(); u++) {
                int size = g.size(u);
                if (size < folds) {
                    throw PlanException.at(null, "kfold.folds", folds, "exceeds the " + size + " interactions of user '"
                            + data.userIds().original(u) + "'", "folds <= each user's interactions (add a core step)");
                }
                rnd.shuffle(g.rows, g.start[u], g.start[u + 1]);
                int offset = rnd.nextInt(folds);
                for (int k = 0; k < size; k++) fold[g.rows[g.start[u] + k]] = (k + offset) % folds;
            }
        } else {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            rnd.shuffle(order, 0, n);
            for (int p = 0; p < n; p++) fold[order[p]] = (int) ((long) p * folds / n);
        }
        List<SplitResult> out = new ArrayList<>(folds);
        for (int f = 0; f < folds; f++) {
            byte[] role = new byte[n];
            for (int i = 0; i < n; i++) if (fold[i] == f) role[i] = Role.TEST;
            if (validation > 0) carveValidation(data, g, role, new SeededRandom(SeededRandom.derive(seed, f + 1)));
            out.add(Assembler.assemble("fold-" + (f + 1) + "-of-" + folds, data, role, validation > 0));
        }
        return out;
    }

    private void carveValidation(Interactions data, Groups g, byte[] role, SeededRandom rnd) {
        if (!byUser) {
            int[] cand = new int[data.size()];
            int c = 0;
            for (int i = 0; i < data.size(); i++) if (role[i] == Role.TRAIN) cand[c++] = i;
            rnd.shuffle(cand, 0, c);
            int take = Params.share(validation, data.size(), c);
            for (int k = 0; k < take; k++) role[cand[k]] = Role.VALIDATION;
            return;
        }
        int[] cand = new int[data.size()];
        for (int u = 0; u < g.users(); u++) {
            int c = 0;
            for (int k = g.start[u]; k < g.start[u + 1]; k++) if (role[g.rows[k]] == Role.TRAIN) cand[c++] = g.rows[k];
            rnd.shuffle(cand, 0, c);
            int take = Params.share(validation, g.size(u), c - 1);
            for (int k = 0; k < take; k++) role[cand[k]] = Role.VALIDATION;
        }
    }
}
