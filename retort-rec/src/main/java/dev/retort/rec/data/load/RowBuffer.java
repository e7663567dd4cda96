package dev.retort.rec.data.load;

import dev.retort.rec.data.IdMap;
import dev.retort.rec.data.Interactions;

import java.util.Arrays;

/** Growable primitive columns that become an {@link Interactions} once a file is read. */
final class RowBuffer {
    private int size;
    private int[] users = new int[1024];
    private int[] items = new int[1024];
    private float[] ratings;
    private long[] times;

    RowBuffer(boolean withRatings, boolean withTimes) {
        ratings = withRatings ? new float[1024] : null;
        times = withTimes ? new long[1024] : null;
    }

    void add(int user, int item, float rating, long time) {
        if (size == users.length) grow();
        users[size] = user;
        items[size] = item;
        if (ratings != null) ratings[size] = rating;
        if (times != null) times[size] = time;
        size++;
    }

    int size() {
        return size;
    }

    Interactions build(IdMap userIds, IdMap itemIds) {
        return new Interactions(Arrays.copyOf(users, size), Arrays.copyOf(items, size),
                ratings == null ? null : Arrays.copyOf(ratings, size), times == null ? null : Arrays.copyOf(times, size),
                userIds, itemIds);
    }

    private void grow() {
        int n = (int) Math.min(Integer.MAX_VALUE - 8, users.length * 2L);
        if (n == users.length) throw new IllegalStateException("more than " + n + " rows");
        users = Arrays.copyOf(users, n);
        items = Arrays.copyOf(items, n);
        if (ratings != null) ratings = Arrays.copyOf(ratings, n);
        if (times != null) times = Arrays.copyOf(times, n);
    }
}
