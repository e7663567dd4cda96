package dev.retort.rec.metric;

import dev.retort.BugException;

import java.util.Objects;

/**
 * {@link RankedLists} over flat primitive arrays: row {@code r} holds user {@code users[r]} and the items
 * {@code items[offsets[r] .. offsets[r+1])} with their {@code scores}, best first. The arrays are not copied;
 * callers must not change them afterwards.
 */
public final class ArrayRankedLists implements RankedLists {
    private final int[] users;
    private final int[] offsets;
    private final int[] items;
    private final float[] scores;

    /**
     * @param users   user id per row
     * @param offsets {@code users.length + 1} non-decreasing start offsets, {@code offsets[0] == 0}
     * @param items   ranked items of all rows, concatenated
     * @param scores  scores parallel to {@code items}
     */
    public ArrayRankedLists(int[] users, int[] offsets, int[] items, float[] scores) {
        this.users = Objects.requireNonNull(users);
        this.offsets = Objects.requireNonNull(offsets);
        this.items = Objects.requireNonNull(items);
        this.scores = Objects.requireNonNull(scores);
        if (offsets.length != users.length + 1 || offsets[0] != 0 || offsets[users.length] != items.length
                || scores.length != items.length) {
            throw new BugException("ArrayRankedLists: inconsistent array lengths (users " + users.length
                    + ", offsets " + offsets.length + ", items " + items.length + ", scores " + scores.length + ")");
        }
        for (int r = 0; r < users.length; r++) {
            if (offsets[r + 1] < offsets[r]) throw new BugException("ArrayRankedLists: offsets decrease at row " + r);
        }
    }

    /** Lists from one int[] of items per user (row {@code r} is user {@code r}); scores descend from 0. */
    public static ArrayRankedLists ofItems(int[][] itemsPerUser) {
        int n = itemsPerUser.length;
        int[] users = new int[n];
        int[] offsets = new int[n + 1];
        for (int u = 0; u < n; u++) {
            users[u] = u;
            offsets[u + 1] = offsets[u] + itemsPerUser[u].length;
        }
        int[] items = new int[offsets[n]];
        float[] scores = new float[offsets[n]];
        for (int u = 0; u < n; u++) {
            System.arraycopy(itemsPerUser[u], 0, items, offsets[u], itemsPerUser[u].length);
            for (int r = 0; r < itemsPerUser[u].length; r++) scores[offsets[u] + r] = -r;
        }
        return new ArrayRankedLists(users, offsets, items, scores);
    }

    @Override public int numUsers() { return users.length; }
    @Override public int user(int row) { return users[row]; }
    @Override public int length(int row) { return offsets[row + 1] - offsets[row]; }
    @Override public int item(int row, int rank) { return items[offsets[row] + rank]; }
    @Override public float score(int row, int rank) { return scores[offsets[row] + rank]; }
}
