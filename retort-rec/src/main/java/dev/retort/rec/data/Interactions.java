package dev.retort.rec.data;

import java.util.Objects;

/**
 * A set of (user, item[, rating][, timestamp]) interactions in primitive, parallel arrays, with dense int ids
 * {@code 0..numUsers-1} and {@code 0..numItems-1}. The {@link IdMap}s keep the original ids for output.
 * Immutable by convention: the arrays are never handed out for writing.
 */
public final class Interactions {
    private final int[] users;
    private final int[] items;
    private final float[] ratings;      // null when the data has no ratings
    private final long[] timestamps;    // null when the data has no timestamps
    private final IdMap userIds;
    private final IdMap itemIds;

    public Interactions(int[] users, int[] items, float[] ratings, long[] timestamps, IdMap userIds, IdMap itemIds) {
        this.users = Objects.requireNonNull(users);
        this.items = Objects.requireNonNull(items);
        if (users.length != items.length) throw new IllegalArgumentException("users and items differ in length");
        if (ratings != null && ratings.length != users.length) throw new IllegalArgumentException("ratings length");
        if (timestamps != null && timestamps.length != users.length) throw new IllegalArgumentException("timestamps length");
        this.ratings = ratings;
        this.timestamps = timestamps;
        this.userIds = Objects.requireNonNull(userIds);
        this.itemIds = Objects.requireNonNull(itemIds);
    }

    public int size() { return users.length; }
    public int numUsers() { return userIds.size(); }
    public int numItems() { return itemIds.size(); }
    public int user(int i) { return users[i]; }
    public int item(int i) { return items[i]; }
    public boolean hasRatings() { return ratings != null; }
    public boolean hasTimestamps() { return timestamps != null; }
    public float rating(int i) { return ratings == null ? 1f : ratings[i]; }
    public long timestamp(int i) { return timestamps == null ? 0L : timestamps[i]; }
    public IdMap userIds() { return userIds; }
    public IdMap itemIds() { return itemIds; }

    /** Read-only views for hot loops; callers must not write to them. */
    public int[] usersArray() { return users; }
    public int[] itemsArray() { return items; }
    public float[] ratingsArray() { return ratings; }
    public long[] timestampsArray() { return timestamps; }
}
