package dev.retort.rec.preprocess;

import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.Subset;

/**
 * The k-core: repeatedly removes rows of users with fewer than {@code k} rows and of items with fewer than
 * {@code k} rows until every remaining user and item has at least {@code k}. {@code k >= 1}.
 */
public record Core(int k) implements StepSpec {
    public Core {
        if (k < 1) throw PlanException.at(null, "core", k, "must be at least 1", "integer >= 1");
    }

    @Override
    public String label() {
        return "core(" + k + ")";
    }

    @Override
    public Interactions apply(Interactions in, String where) {
        int n = in.size();
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, true);
        int[] userCount = new int[in.numUsers()];
        int[] itemCount = new int[in.numItems()];
        for (int i = 0; i < n; i++) {
            userCount[in.user(i)]++;
            itemCount[in.item(i)]++;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < n; i++) {
                if (keep[i] && (userCount[in.user(i)] < k || itemCount[in.item(i)] < k)) {
                    keep[i] = false;
                    changed = true;
                }
            }
            if (!changed) break;
            java.util.Arrays.fill(userCount, 0);
            java.util.Arrays.fill(itemCount, 0);
            for (int i = 0; i < n; i++) {
                if (!keep[i]) continue;
                userCount[in.user(i)]++;
                itemCount[in.item(i)]++;
            }
        }
        return Subset.compact(in, keep);
    }
}
