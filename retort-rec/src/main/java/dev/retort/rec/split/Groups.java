package dev.retort.rec.split;

import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;
import it.unimi.dsi.fastutil.ints.IntArrays;

/** Row indices grouped by user, each group in file order: rows of user u are {@code rows[start[u]..start[u+1])}. */
final class Groups {
    final int[] start;
    final int[] rows;

    private Groups(int[] start, int[] rows) {
        this.start = start;
        this.rows = rows;
    }

    static Groups byUser(Interactions data) {
        int[] start = new int[data.numUsers() + 1];
        for (int i = 0; i < data.size(); i++) start[data.user(i) + 1]++;
        for (int u = 0; u < data.numUsers(); u++) start[u + 1] += start[u];
        int[] fill = java.util.Arrays.copyOf(start, data.numUsers());
        int[] rows = new int[data.size()];
        for (int i = 0; i < data.size(); i++) rows[fill[data.user(i)]++] = i;
        return new Groups(start, rows);
    }

    int users() {
        return start.length - 1;
    }

    int size(int u) {
        return start[u + 1] - start[u];
    }

    /** Sorts every group by timestamp; the sort is stable, so equal timestamps stay in file order. */
    void sortByTime(Interactions data) {
        for (int u = 0; u < users(); u++) {
            IntArrays.mergeSort(rows, start[u], start[u + 1], (a, b) -> Long.compare(data.timestamp(a), data.timestamp(b)));
        }
    }

    static void requireTimestamps(Interactions data, String key) {
        if (!data.hasTimestamps()) throw PlanException.at(null, key, null, "needs timestamps but the data has none", "by: random");
    }
}
