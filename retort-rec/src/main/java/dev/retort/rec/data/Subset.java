package dev.retort.rec.data;

import dev.retort.BugException;

/**
 * Row selections of an {@link Interactions}: either re-densified ({@link #compact}, used after filtering so
 * that ids stay {@code 0..n-1}) or sharing the parent's id space ({@link #shared}, used by splits so that
 * train, test and validation can index the same arrays).
 */
public final class Subset {
    private Subset() {
    }

    /**
     * The rows with {@code keep[i]}, in their original order, with user and item ids re-assigned densely in
     * order of first appearance among the kept rows. The new {@link IdMap}s keep the original ids.
     */
    public static Interactions compact(Interactions in, boolean[] keep) {
        if (keep.length != in.size()) throw new BugException("keep mask length " + keep.length + " != rows " + in.size());
        int n = 0;
        for (boolean k : keep) if (k) n++;
        int[] userMap = filled(in.numUsers());
        int[] itemMap = filled(in.numItems());
        IdMap userIds = new IdMap();
        IdMap itemIds = new IdMap();
        int[] users = new int[n];
        int[] items = new int[n];
        float[] ratings = in.hasRatings() ? new float[n] : null;
        long[] times = in.hasTimestamps() ? new long[n] : null;
        int j = 0;
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) continue;
            int u = in.user(i);
            int it = in.item(i);
            if (userMap[u] < 0) userMap[u] = userIds.intern(in.userIds().original(u));
            if (itemMap[it] < 0) itemMap[it] = itemIds.intern(in.itemIds().original(it));
            users[j] = userMap[u];
            items[j] = itemMap[it];
            if (ratings != null) ratings[j] = in.rating(i);
            if (times != null) times[j] = in.timestamp(i);
            j++;
        }
        return new Interactions(users, items, ratings, times, userIds, itemIds);
    }

    /** The given rows (indices into {@code in}, in the order given), sharing {@code in}'s id maps. */
    public static Interactions shared(Interactions in, int[] rows, int count) {
        int[] users = new int[count];
        int[] items = new int[count];
        float[] ratings = in.hasRatings() ? new float[count] : null;
        long[] times = in.hasTimestamps() ? new long[count] : null;
        for (int j = 0; j < count; j++) {
            int i = rows[j];
            users[j] = in.user(i);
            items[j] = in.item(i);
            if (ratings != null) ratings[j] = in.rating(i);
            if (times != null) times[j] = in.timestamp(i);
        }
        return new Interactions(users, items, ratings, times, in.userIds(), in.itemIds());
    }

    /** Same rows and ids, ratings dropped: the data becomes implicit feedback. */
    public static Interactions withoutRatings(Interactions in) {
        return new Interactions(in.usersArray(), in.itemsArray(), null, in.timestampsArray(), in.userIds(), in.itemIds());
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, -1);
        return a;
    }
}
