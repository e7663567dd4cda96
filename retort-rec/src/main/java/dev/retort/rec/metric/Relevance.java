package dev.retort.rec.metric;

import dev.retort.BugException;
import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;

import java.util.Arrays;

/**
 * Binary ground truth: for each dense user id, the sorted set of relevant item ids. Built from a test split;
 * for implicit data every test interaction is relevant, for explicit data optionally only those rated at or
 * above a threshold. Repeated (user, item) pairs count once. Stored as one flat sorted array with per-user
 * offsets, so lookups need no per-user objects.
 */
public final class Relevance {
    private final int numItems;
    private final int[] offsets;   // numUsers + 1
    private final int[] items;     // per user: strictly increasing

    private Relevance(int numItems, int[] offsets, int[] items) {
        this.numItems = numItems;
        this.offsets = offsets;
        this.items = items;
    }

    /** Every test interaction is relevant (implicit feedback). Users and items span the test id maps. */
    public static Relevance of(Interactions test) {
        return build(test, Float.NEGATIVE_INFINITY);
    }

    /**
     * Only interactions with {@code rating >= minRating} are relevant.
     *
     * @throws PlanException when the test data has no ratings or {@code minRating} is NaN
     */
    public static Relevance of(Interactions test, float minRating) {
        if (Float.isNaN(minRating)) {
            throw PlanException.at("evaluation", "relevance.min_rating", minRating, "is not a number", "a finite rating");
        }
        if (!test.hasRatings()) {
            throw PlanException.at("evaluation", "relevance.min_rating", minRating,
                    "needs explicit ratings but the test data has none", "omit it for implicit data");
        }
        return build(test, minRating);
    }

    /** Relevance from explicit per-user item arrays (user = index); copied, sorted and de-duplicated. */
    public static Relevance of(int numItems, int[][] itemsPerUser) {
        int n = itemsPerUser.length;
        int[] counts = new int[n];
        for (int u = 0; u < n; u++) counts[u] = itemsPerUser[u].length;
        int[] offsets = prefix(counts);
        int[] items = new int[offsets[n]];
        for (int u = 0; u < n; u++) System.arraycopy(itemsPerUser[u], 0, items, offsets[u], counts[u]);
        return compact(numItems, offsets, items);
    }

    private static Relevance build(Interactions test, float minRating) {
        int n = test.numUsers();
        int[] users = test.usersArray();
        int[] testItems = test.itemsArray();
        int[] counts = new int[n];
        for (int i = 0; i < test.size(); i++) if (test.rating(i) >= minRating) counts[users[i]]++;
        int[] offsets = prefix(counts);
        int[] fill = Arrays.copyOf(offsets, n);
        int[] items = new int[offsets[n]];
        for (int i = 0; i < test.size(); i++) if (test.rating(i) >= minRating) items[fill[users[i]]++] = testItems[i];
        return compact(test.numItems(), offsets, items);
    }

    private static int[] prefix(int[] counts) {
        int[] offsets = new int[counts.length + 1];
        for (int u = 0; u < counts.length; u++) offsets[u + 1] = offsets[u] + counts[u];
        return offsets;
    }

    /** Sorts each user's slice and drops repeats, shifting everything left in place. */
    private static Relevance compact(int numItems, int[] offsets, int[] items) {
        int write = 0;
        for (int u = 0; u + 1 < offsets.length; u++) {
            int from = offsets[u], to = offsets[u + 1];
            Arrays.sort(items, from, to);
            offsets[u] = write;
            for (int i = from; i < to; i++) {
                int item = items[i];
                if (item < 0 || item >= numItems) {
                    throw new BugException("Relevance: item " + item + " of user " + u + " outside 0.." + (numItems - 1));
                }
                if (i == from || item != items[i - 1]) items[write++] = item;
            }
        }
        offsets[offsets.length - 1] = write;
        return new Relevance(numItems, offsets, Arrays.copyOf(items, write));
    }

    /** Number of user ids covered (users with no relevant items included). */
    public int numUsers() { return offsets.length - 1; }

    /** Size of the item id space the relevant items come from. */
    public int numItems() { return numItems; }

    /** Number of relevant items of {@code user}; 0 for ids outside {@code 0..numUsers-1}. */
    public int count(int user) {
        return user < 0 || user >= numUsers() ? 0 : offsets[user + 1] - offsets[user];
    }

    /** Whether {@code item} is relevant to {@code user} (binary search). */
    public boolean contains(int user, int item) {
        return count(user) > 0 && Arrays.binarySearch(items, offsets[user], offsets[user + 1], item) >= 0;
    }

    /** A copy of the sorted relevant items of {@code user}. */
    public int[] items(int user) {
        return count(user) == 0 ? new int[0] : Arrays.copyOfRange(items, offsets[user], offsets[user + 1]);
    }

    /** Relevant item {@code i} ({@code 0 <= i < count(user)}) of {@code user}, without copying. */
    int item(int user, int i) { return items[offsets[user] + i]; }

    /** Total relevant (user, item) pairs. */
    public int size() { return items.length; }
}
