package dev.retort.rec.data;

import java.util.Arrays;

/**
 * Makes a dataset canonical, the step every loader applies: (user, item) pairs unique, dense ids in the
 * order of the original ids ({@link IdMap#ORIGINAL_ORDER}: numeric ids numerically, others as strings), rows
 * sorted by (user, item). Of several rows for one pair the one with the latest timestamp is kept; among equal
 * timestamps (or without timestamps) the last one in the file.
 *
 * <p>So nothing downstream depends on the file's row order or on the order ids first appear in it: ties in
 * scores are broken by the lower dense id, which is the lower original id, and seeded splits see the same
 * rows in the same order however the file was sorted.
 */
public final class Canonicalizer {
    private Canonicalizer() {
    }

    /** The canonical data and how many duplicate rows were dropped. */
    public record Result(Interactions data, int duplicatesDropped) {
    }

    public static Result dedupe(Interactions in) {
        int n = in.size();
        int[] userRank = IdMap.ranks(in.userIds());
        int[] itemRank = IdMap.ranks(in.itemIds());
        int[] users = in.usersArray();
        int[] items = in.itemsArray();
        int numUsers = in.numUsers();
        // Group rows by user rank (counting sort), then sort each group by (item rank, row): O(n log d).
        int[] start = new int[numUsers + 1];
        for (int u : users) start[userRank[u] + 1]++;
        for (int u = 0; u < numUsers; u++) start[u + 1] += start[u];
        int[] fill = Arrays.copyOf(start, numUsers);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[fill[userRank[users[i]]]++] = ((long) itemRank[items[i]] << 32) | i;
        int[] kept = new int[n];
        int m = 0;
        for (int u = 0; u < numUsers; u++) {
            int from = start[u];
            int to = start[u + 1];
            Arrays.sort(keys, from, to);
            int runStart = from;
            while (runStart < to) {
                int item = (int) (keys[runStart] >>> 32);
                int runEnd = runStart + 1;
                while (runEnd < to && (int) (keys[runEnd] >>> 32) == item) runEnd++;
                int best = (int) keys[runStart];
                for (int r = runStart + 1; r < runEnd; r++) {
                    int row = (int) keys[r];
                    // rows ascend in file order, so >= lets the later row win a timestamp tie
                    if (in.timestamp(row) >= in.timestamp(best)) best = row;
                }
                kept[m++] = best;
                runStart = runEnd;
            }
        }
        return new Result(Subset.reordered(in, kept, m, userRank, itemRank), n - m);
    }
}
