package dev.retort.rec.data;

import java.util.Arrays;

/**
 * Makes (user, item) pairs unique, the step every loader applies. Of several rows for one pair the one with
 * the latest timestamp is kept; among equal timestamps (or without timestamps) the last one in the file.
 * Kept rows stay in file order and ids are re-assigned densely in order of first appearance.
 */
public final class Canonicalizer {
    private Canonicalizer() {
    }

    /** The canonical data and how many duplicate rows were dropped. */
    public record Result(Interactions data, int duplicatesDropped) {
    }

    public static Result dedupe(Interactions in) {
        int n = in.size();
        int[] users = in.usersArray();
        int[] items = in.itemsArray();
        // Group rows by user (counting sort, stable), then sort each group by (item, row): O(n log d).
        int[] start = new int[in.numUsers() + 1];
        for (int u : users) start[u + 1]++;
        for (int u = 0; u < in.numUsers(); u++) start[u + 1] += start[u];
        int[] fill = Arrays.copyOf(start, start.length - 1);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[fill[users[i]]++] = ((long) items[i] << 32) | i;
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        int dropped = 0;
        for (int u = 0; u < in.numUsers(); u++) {
            int from = start[u];
            int to = start[u + 1];
            Arrays.sort(keys, from, to);
            int runStart = from;
            while (runStart < to) {
                int item = (int) (keys[runStart] >>> 32);
                int runEnd = runStart + 1;
                while (runEnd < to && (int) (keys[runEnd] >>> 32) == item) runEnd++;
                if (runEnd - runStart > 1) {
                    int best = (int) keys[runStart];
                    for (int r = runStart + 1; r < runEnd; r++) {
                        int row = (int) keys[r];
                        // rows ascend in file order, so >= lets the later row win a timestamp tie
                        if (in.timestamp(row) >= in.timestamp(best)) best = row;
                    }
                    for (int r = runStart; r < runEnd; r++) {
                        int row = (int) keys[r];
                        if (row != best) {
                            keep[row] = false;
                            dropped++;
                        }
                    }
                }
                runStart = runEnd;
            }
        }
        if (dropped == 0) return new Result(in, 0);
        return new Result(Subset.compact(in, keep), dropped);
    }
}
