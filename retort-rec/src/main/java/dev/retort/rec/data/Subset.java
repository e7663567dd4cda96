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
     * the order of the parent's ids (so a canonical dataset stays in {@link IdMap#ORIGINAL_ORDER}). The new
     * {@link IdMap}s keep the original ids.
     */
    public static Interactions compact(Interactions in, boolean[] keep) {
        if (keep.length != in.size()) throw new BugException("keep mask length " + keep.length + " != rows " + in.size());
        int n = 0;
        boolean[] userUsed = new boolean[in.numUsers()];
        boolean[] itemUsed = new boolean[in.numItems()];
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) continue;
            n++;
            userUsed[in.user(i)] = true;
            itemUsed[in.item(i)] = true;
        }
        IdMap userIds = new IdMap();
        IdMap itemIds = new IdMap();
        int[] userMap = densify(userUsed, in.userIds(), userIds);
        int[] itemMap = densify(itemUsed, in.itemIds(), itemIds);
        int[] users = new int[n];
        int[] items = new int[n];
        float[] ratings = in.hasRatings() ? new float[n] : null;
        long[] times = in.hasTimestamps() ? new long[n] : null;
        int j = 0;
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) continue;
            users[j] = userMap[in.user(i)];
            items[j] = itemMap[in.item(i)];
            if (ratings != null) ratings[j] = in.rating(i);
            if (times != null) times[j] = in.timestamp(i);
            j++;
        }
        return new Interactions(users, items, ratings, times, userIds, itemIds);
    }

    private static int[] densify(boolean[] used, IdMap from, IdMap to) {
        int[] map = filled(used.length);
        for (int id = 0; id < used.length; id++) if (used[id]) map[id] = to.intern(from.original(id));
        return map;
    }

    /**
     * {@code count} rows of {@code in} in the order given, ids renumbered to {@code userRank} / {@code itemRank}
     * (each a permutation of the parent's ids); used by {@link Canonicalizer}.
     */
    static Interactions reordered(Interactions in, int[] rows, int count, int[] userRank, int[] itemRank) {
        IdMap userIds = byRank(in.userIds(), userRank);
        IdMap itemIds = byRank(in.itemIds(), itemRank);
        int[] users = new int[count];
        int[] items = new int[count];
        float[] ratings = in.hasRatings() ? new float[count] : null;
        long[] times = in.hasTimestamps() ? new long[count] : null;
        for (int j = 0; j < count; j++) {
            int i = rows[j];
            users[j] = userRank[in.user(i)];
            items[j] = itemRank[in.item(i)];
            if (ratings != null) ratings[j] = in.rating(i);
            if (times != null) times[j] = in.timestamp(i);
        }
        return new Interactions(users, items, ratings, times, userIds, itemIds);
    }

    private static IdMap byRank(IdMap ids, int[] rank) {
        String[] ordered = new String[rank.length];
        for (int id = 0; id < rank.length; id++) ordered[rank[id]] = ids.original(id);
        IdMap out = new IdMap();
        for (String s : ordered) out.intern(s);
        return out;
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
